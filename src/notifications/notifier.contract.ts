// What the Worker may call on a user's Notifier. The Env type names this interface, not the class,
// so env.ts does not depend on the Durable Object's module (which itself reads the config).
import type { Delivery } from "./push";

export interface NotifierRpc extends Rpc.DurableObjectBranded {
  notify(userId: number, deliveries: Delivery[]): Promise<number>;
}
