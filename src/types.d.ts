// The one Node module the Worker uses (nodejs_compat provides it in workerd); declared here so the
// Worker's types need not include all of Node's.
declare module "node:async_hooks" {
  export class AsyncLocalStorage<T> {
    run<R>(store: T, callback: () => R): R;
    getStore(): T | undefined;
  }
}
