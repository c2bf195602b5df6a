import { api, type ShippingMethod } from "../../api/client";
import { call } from "../../session";

/** The methods that ship to a country, cheapest first (one page of 100 is every method a shop offers there). */
export async function shippingMethodsTo(country: string): Promise<ShippingMethod[]> {
  return (await call(() => api.GET("/api/shipping-methods", { params: { query: { country, page_size: "100" } } }))).results;
}
