import { createApp } from "./app";

export { CatalogVersionKeeper } from "./catalog/catalog-version-keeper";
export { Notifier } from "./notifications/notifier";

const app = createApp();

export default app;
