import { createApp } from "./app";
import { scheduled } from "./scheduled";

export { CatalogVersionKeeper } from "./catalog/catalog-version-keeper";
export { Notifier } from "./notifications/notifier";

const app = createApp();

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<import("./env").Env>;
