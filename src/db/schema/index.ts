export * from "./users";
export * from "./catalog";
export * from "./orders";
export * from "./checkout";
export * from "./payments";
export * from "./email";
export * from "./images";
