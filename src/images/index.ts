import { createRouter } from "../lib/openapi";
import * as handlers from "./images.handlers";
import * as routes from "./images.routes";

export { IMAGE_TYPES, detectImage, type ImageInfo, type ImageType } from "./image-format";
export { MAX_IMAGE_BYTES } from "./images.schemas";

/** POST /api/products/{id}/images: the one route whose body may be larger than the app's 64 KiB (it limits its own, to 5 MiB). */
export const isImageUpload = (method: string, path: string) => method === "POST" && /^\/api\/products\/[^/]+\/images\/?$/.test(path);

/** Admin writes of product pictures, and the public bytes at /images/{key}. */
export function imagesRouter() {
  const router = createRouter();
  router.openapi(routes.uploadImageRoute, handlers.uploadImage);
  router.openapi(routes.updateImageRoute, handlers.updateImage);
  router.openapi(routes.deleteImageRoute, handlers.deleteImage);
  router.openapi(routes.getImageRoute, handlers.getImage);
  return router;
}
