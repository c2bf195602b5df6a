import { createRouter } from "../lib/openapi";
import * as handlers from "./shipping.handlers";
import * as routes from "./shipping.routes";
import * as taxHandlers from "./tax-rates.handlers";
import * as taxRoutes from "./tax-rates.routes";

/** Shipping methods (public by country, admin CRUD) and the tax rates that apply to goods and shipping (admin CRUD). */
export function shippingRouter() {
  const router = createRouter();
  router.openapi(routes.listShippingMethodsRoute, handlers.listShippingMethods);
  router.openapi(routes.adminListShippingMethodsRoute, handlers.adminListShippingMethods);
  router.openapi(routes.adminGetShippingMethodRoute, handlers.adminGetShippingMethod);
  router.openapi(routes.createShippingMethodRoute, handlers.createShippingMethod);
  router.openapi(routes.updateShippingMethodRoute, handlers.updateShippingMethod);
  router.openapi(routes.deleteShippingMethodRoute, handlers.deleteShippingMethod);
  router.openapi(taxRoutes.listTaxRatesRoute, taxHandlers.listTaxRates);
  router.openapi(taxRoutes.getTaxRateRoute, taxHandlers.getTaxRate);
  router.openapi(taxRoutes.createTaxRateRoute, taxHandlers.createTaxRate);
  router.openapi(taxRoutes.updateTaxRateRoute, taxHandlers.updateTaxRate);
  router.openapi(taxRoutes.deleteTaxRateRoute, taxHandlers.deleteTaxRate);
  return router;
}
