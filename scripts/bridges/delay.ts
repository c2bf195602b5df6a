// The bridges' latency knob: hold every message for a while, so the local stack can stand an edge
// location's distance away from its stores (one round trip through a bridge costs 2 × delay).

/** A delay from the bridge's options, else from the named environment variable, else 0. */
export function initialDelay(option: number | undefined, envName: string): number {
  const raw = option ?? process.env[envName];
  if (raw === undefined || raw === "") return 0;
  return checkDelay(Number(raw), option === undefined ? envName : "delayMs");
}

export function checkDelay(ms: number, what = "delay"): number {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`${what} must be a number of milliseconds ≥ 0, got ${ms}`);
  return ms;
}

/** Resolves after `ms` (at once, without a timer, for 0). */
export function hold(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A one-way FIFO that delivers each item `delay()` ms after it was pushed, never before an item
 * pushed earlier: when the delay shrinks at run time, later items wait for earlier ones instead
 * of overtaking them (a byte stream must keep its order).
 */
export class DelayLine<T> {
  private readonly queue: { due: number; item: T }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastDue = 0;
  private closed = false;
  private readonly delay: () => number;
  private readonly deliver: (item: T) => void;

  constructor(delay: () => number, deliver: (item: T) => void) {
    this.delay = delay;
    this.deliver = deliver;
  }

  push(item: T): void {
    if (this.closed) return;
    const ms = this.delay();
    if (ms <= 0 && this.queue.length === 0) {
      this.deliver(item);
      return;
    }
    const due = Math.max(performance.now() + ms, this.lastDue);
    this.lastDue = due;
    this.queue.push({ due, item });
    if (!this.timer) this.schedule();
  }

  /** Drops whatever is still waiting (the connection is gone). */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const head = this.queue[0];
    if (!head) return;
    // Timers may fire a little early by performance.now(): re-arm rather than deliver early.
    this.timer = setTimeout(() => this.flush(), Math.max(1, Math.ceil(head.due - performance.now())));
  }

  private flush(): void {
    this.timer = null;
    const now = performance.now();
    while (this.queue.length > 0 && this.queue[0]!.due <= now) {
      const { item } = this.queue.shift()!;
      this.deliver(item);
      if (this.closed) return;
    }
    this.schedule();
  }
}
