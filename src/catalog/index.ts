import { createRouter } from "../lib/openapi";
import * as handlers from "./catalog.handlers";
import * as routes from "./catalog.routes";
import * as variantHandlers from "./variants.handlers";
import * as variantRoutes from "./variants.routes";

/** Public reads, admin writes. */
export function catalogRouter() {
  const router = createRouter();
  router.openapi(routes.listCategoriesRoute, handlers.listCategories);
  router.openapi(routes.getCategoryRoute, handlers.getCategory);
  router.openapi(routes.createCategoryRoute, handlers.createCategory);
  router.openapi(routes.updateCategoryRoute, handlers.updateCategory);
  router.openapi(routes.deleteCategoryRoute, handlers.deleteCategory);
  router.openapi(routes.listProductsRoute, handlers.listProducts);
  router.openapi(routes.getProductRoute, handlers.getProduct);
  router.openapi(routes.createProductRoute, handlers.createProduct);
  router.openapi(routes.updateProductRoute, handlers.updateProduct);
  router.openapi(routes.deleteProductRoute, handlers.deleteProduct);
  router.openapi(routes.changeStockRoute, handlers.changeStock);
  router.openapi(variantRoutes.createVariantRoute, variantHandlers.createVariant);
  router.openapi(variantRoutes.updateVariantRoute, variantHandlers.updateVariant);
  router.openapi(variantRoutes.deleteVariantRoute, variantHandlers.deleteVariant);
  router.openapi(variantRoutes.changeVariantStockRoute, variantHandlers.changeVariantStock);
  return router;
}
