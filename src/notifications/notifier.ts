import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";

/** One per user: holds that user's WebSockets (hibernation API) and pushes notifications to them. */
export class Notifier extends DurableObject<Env> {
  override async fetch(_request: Request): Promise<Response> {
    return new Response("not implemented", { status: 501 });
  }
}
