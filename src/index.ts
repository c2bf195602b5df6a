import { createApp } from "./app";
import type { Env } from "./env";
import { noRouteResponse } from "./lib/problem";
import { scheduled } from "./scheduled";

export { CatalogVersionKeeper } from "./catalog/catalog-version-keeper";
export { Notifier } from "./notifications/notifier";

const app = createApp();

/** The path of a request URL without parsing it (`https://host/a/b?x` → `/a/b?x`). */
function pathOf(url: string): string {
  const slash = url.indexOf("/", url.indexOf("//") + 2);
  return slash < 0 ? "/" : url.slice(slash);
}

/**
 * The Worker owns /api/*, /health and /images/* (everything else is a static asset, served before the Worker
 * runs): any other path is answered 404 here, without building a router context. Junk requests are
 * the commonest kind and the cheapest this way (issue 14).
 */
function isWorkerPath(path: string): boolean {
  return path.startsWith("/api/") || path === "/api" || path.startsWith("/api?") || path === "/health" || path.startsWith("/health?") || path.startsWith("/images/");
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    if (isWorkerPath(pathOf(request.url))) return app.fetch(request, env, ctx);
    const id = crypto.randomUUID();
    return noRouteResponse({ get: () => id }, request);
  },
  scheduled,
};
