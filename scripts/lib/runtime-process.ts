// What the two local runtimes (wrangler dev, plain workerd) do alike with the process they spawn:
// signal it alone or, when it leads its own process group, as a group; wait a bounded time for it
// to exit; kill it when this process exits without stopping it; wait for its "ready" sign.
import type { ChildProcess } from "node:child_process";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RuntimeProcess {
  readonly child: ChildProcess;
  /** Spawned `detached`: it leads a process group, and signals go to the whole group. */
  readonly group: boolean;
  private readonly exit: Promise<unknown>;

  constructor(child: ChildProcess, group: boolean) {
    this.child = child;
    this.group = group;
    this.exit = new Promise((r) => child.once("exit", r));
  }

  exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Sends `signal` to the child, or to its whole group; false when nothing was there to receive it. */
  signal(signal: NodeJS.Signals | 0): boolean {
    try {
      if (this.group) process.kill(-this.child.pid!, signal);
      else return this.child.kill(signal);
      return true;
    } catch {
      return false; // no process left (in the group)
    }
  }

  /** Resolves once the child has exited, or after `ms`, whichever comes first. */
  async exitWithin(ms: number): Promise<void> {
    await Promise.race([this.exit, sleep(ms)]);
  }

  /** Resolves once no process is left in the group (at most `ms`, in steps of 100 ms). */
  async groupGoneWithin(ms: number): Promise<void> {
    for (let i = 0; i < ms / 100 && this.signal(0); i++) await sleep(100);
  }

  /** SIGKILLs the child (or group) if this process exits first; returns what undoes that. */
  killOnParentExit(): () => void {
    const kill = () => this.signal("SIGKILL");
    process.once("exit", kill);
    return () => process.off("exit", kill);
  }

  /**
   * Resolves once `watch` calls its `ready()`. Rejects with `timeout()` after `timeoutMs`, with
   * `exit()` when the child exits first, and with `spawnError()` (when given) when it cannot be
   * spawned; `stop()` runs before any of those errors is thrown.
   */
  async ready(opts: {
    timeoutMs: number;
    watch(ready: () => void): void;
    timeout(): Error;
    exit(code: number | null, signal: NodeJS.Signals | null): Error;
    spawnError?(err: Error): Error;
    stop(): Promise<void>;
  }): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(opts.timeout()), opts.timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        reject(err);
      };
      opts.watch(() => {
        clearTimeout(timer);
        resolve();
      });
      if (opts.spawnError) this.child.once("error", (err) => fail(opts.spawnError!(err)));
      this.child.once("exit", (code, signal) => fail(opts.exit(code, signal)));
    }).catch(async (err) => {
      await opts.stop();
      throw err;
    });
  }
}
