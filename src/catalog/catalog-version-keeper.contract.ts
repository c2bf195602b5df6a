// What the Worker may call on the CatalogVersionKeeper (see notifier.contract.ts for why it is apart).
export interface CatalogVersionKeeperRpc extends Rpc.DurableObjectBranded {
  owe(): Promise<void>;
}
