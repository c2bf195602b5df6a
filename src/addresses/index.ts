import { createRouter } from "../lib/openapi";
import * as handlers from "./addresses.handlers";
import * as routes from "./addresses.routes";

export { ADDRESS_LIMIT, AddressInput, AddressSchema, type AddressInputValue, type AddressResponse } from "./addresses.schemas";

export function addressesRouter() {
  const router = createRouter();
  router.openapi(routes.listAddressesRoute, handlers.listAddresses);
  router.openapi(routes.createAddressRoute, handlers.createAddress);
  router.openapi(routes.getAddressRoute, handlers.getAddress);
  router.openapi(routes.updateAddressRoute, handlers.updateAddress);
  router.openapi(routes.deleteAddressRoute, handlers.deleteAddress);
  return router;
}
