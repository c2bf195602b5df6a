// The sockets scenario's admin side: the plan (every order moves two steps forward, some are
// cancelled, spread over lanes of admins working at once) and its run, with the faults keyed to progress:
// sockets terminated at ~20/35/70/85 % of the changes and the Worker restarted at ~50 %.
import { fmtMs, sleep, type Ctx } from "../harness.ts";
import type { Device } from "./device.ts";

/** The first orders (still pending) are cancelled; every other order takes its next two steps. */
export const CANCELLED = 2;
const PATCH_GAP_MS = 150;
/** `shipped` requires `paid`: a pending order is paid, then shipped; a paid one shipped, then delivered. */
const NEXT_TWO: Record<string, [string, string]> = { pending: ["paid", "shipped"], paid: ["shipped", "delivered"] };

export interface Change {
  order: number;
  to: string;
}

/** `lanes` lists of status changes: each order's own steps in order, the orders interleaved at random. */
export function planLanes(orders: { id: number; status: string }[], lanes: number): Change[][] {
  const plan: Change[][] = Array.from({ length: lanes }, () => []);
  orders.forEach(({ id: order, status }, i) => {
    const lane = plan[i % lanes]!;
    if (i < CANCELLED) lane.push({ order, to: "cancelled" });
    else lane.push(...NEXT_TWO[status]!.map((to) => ({ order, to })));
  });
  // Interleave each lane's steps (keeping every order's own steps in order).
  for (const lane of plan) {
    const byOrder = new Map<number, Change[]>();
    for (const s of lane) byOrder.set(s.order, [...(byOrder.get(s.order) ?? []), s]);
    lane.length = 0;
    while (byOrder.size) {
      const keys = [...byOrder.keys()];
      const key = keys[Math.floor(Math.random() * keys.length)]!;
      const steps = byOrder.get(key)!;
      lane.push(steps.shift()!);
      if (!steps.length) byOrder.delete(key);
    }
  }
  return plan;
}

/** The admins' run of a plan: what they know committed, and what went wrong. */
export class AdminStream {
  /** "order:to" the admin knows happened, and how. */
  readonly committed = new Map<string, { how: string }>();
  readonly patchTimes = new Map<string, { start: number; end: number }>();
  fiveXX = 0;
  refused = 0;
  unexpected = 0;
  ambiguous = 0;
  readonly problems: string[] = [];
  readonly events: string[] = [];
  restartInfo = "";
  readonly total: number;
  /** Changes made before the stream (orders paid in the set-up), in `committed` too: they must reach every device as well. */
  readonly setup: number;
  private done = 0;
  private restarting = false;
  private restartPromise: Promise<void> | null = null;
  private readonly terminations: number[];
  private readonly restartAt: number;
  private readonly ctx: Ctx;
  private readonly plan: Change[][];
  private readonly devices: Device[];

  constructor(ctx: Ctx, plan: Change[][], devices: Device[], before: Change[] = []) {
    this.ctx = ctx;
    this.plan = plan;
    this.devices = devices;
    this.total = plan.reduce((n, lane) => n + lane.length, 0);
    this.setup = before.length;
    for (const s of before) this.committed.set(`${s.order}:${s.to}`, { how: "set-up" });
    this.terminations = [0.2, 0.35, 0.7, 0.85].map((f) => Math.round(f * this.total));
    this.restartAt = Math.round(0.5 * this.total);
  }

  /** Every lane to its end, and the Worker restart it caused. */
  async run(): Promise<void> {
    await Promise.all(this.plan.map((lane) => this.laneRun(lane)));
    if (this.restartPromise) await this.restartPromise;
  }

  /** Faults keyed to progress: terminate sockets at ~20/35/70/85 %, restart wrangler at ~50 %. */
  private onProgress(): void {
    const { devices, terminations, done, total } = this;
    while (terminations.length && done >= terminations[0]!) {
      terminations.shift();
      const which = this.events.filter((e) => e.startsWith("terminate")).length % (devices.length + 1);
      const targets = which < devices.length ? [devices[which]!] : devices;
      for (const d of targets) d.terminate();
      this.events.push(`terminate ${targets.map((d) => d.name).join(" + ")} after ${done}/${total} changes`);
    }
    if (!this.restartPromise && done >= this.restartAt) {
      this.restarting = true;
      this.events.push(`restart wrangler after ${done}/${total} changes`);
      this.restartPromise = this.restart();
    }
  }

  private async restart(): Promise<void> {
    const { worker, log } = this.ctx;
    try {
      const r = await worker.restart();
      this.restartInfo = `stopped in ${fmtMs(r.stopMs)}, new wrangler ready in ${fmtMs(r.startMs)}`;
      log(`wrangler restarted on port ${worker.port}: ${this.restartInfo}`);
    } catch (err) {
      this.problems.push(`wrangler restart failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.restarting = false;
    }
  }

  private async laneRun(steps: Change[]): Promise<void> {
    for (const s of steps) {
      await this.change(s);
      this.done++;
      this.onProgress();
      await sleep(PATCH_GAP_MS);
    }
  }

  /** One status change, retried while the Worker is away; an interrupted attempt may have committed. */
  private async change(s: Change): Promise<void> {
    const key = `${s.order}:${s.to}`;
    let attempts = 0;
    let interrupted = false;
    for (;;) {
      attempts++;
      const res = await this.ctx.http.req("PATCH", `/api/admin/orders/${s.order}`, { token: this.ctx.adminToken, body: { status: s.to } });
      if (res.status === 200) {
        this.committed.set(key, { how: interrupted ? "retried" : "ok" });
        this.patchTimes.set(key, { start: res.start, end: res.end });
        return;
      }
      if (res.status === 0) {
        // No answer (wrangler going down or not up yet): the change may or may not have committed.
        this.refused++;
        interrupted = true;
        if (attempts > 600) {
          this.problems.push(`PATCH order ${s.order} → ${s.to}: no answer after ${attempts} attempts`);
          return;
        }
        await sleep(150);
        continue;
      }
      if (res.status === 409 && interrupted && res.body?.from === s.to) {
        // The interrupted attempt had committed: the notification must exist all the same.
        this.ambiguous++;
        this.committed.set(key, { how: "committed by an interrupted request" });
        return;
      }
      if (res.status >= 500) this.fiveXX++;
      else this.unexpected++;
      this.problems.push(`PATCH /api/admin/orders/${s.order} {status: ${s.to}} → ${res.status} ${this.restarting ? "(during restart) " : ""}${res.text.slice(0, 200)}`);
      if (res.status < 500 || attempts >= 50) return;
      await sleep(200);
    }
  }
}
