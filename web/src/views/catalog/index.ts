// The shopper's catalog screens (the product list and a product's page), one component a file.
export { Catalog } from "./catalog";
export { ProductDetail } from "./product-detail";
