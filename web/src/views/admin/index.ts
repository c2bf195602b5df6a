// The admin screens, one component a file.
export { AdminOrders } from "./orders";
export { AdminProductForm } from "./product-form";
export { AdminProducts } from "./products";
