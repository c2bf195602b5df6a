// The admin screens, one component a file.
export { AdminDiscounts } from "./discounts";
export { AdminNav } from "./nav";
export { AdminOrders } from "./orders";
export { AdminProductForm } from "./product-form";
export { AdminProducts } from "./products";
export { AdminShippingMethods } from "./shipping-methods";
export { AdminTaxRates } from "./tax-rates";
