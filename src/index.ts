import { createApp } from "./app";

export { Notifier } from "./notifications/notifier";

const app = createApp();

export default app;
