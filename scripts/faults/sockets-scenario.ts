// Scenario 3 — sockets and Durable Objects dropped while an admin changes order statuses:
// (a) client sockets terminated abruptly, (b) `wrangler dev` itself restarted (every Durable Object
// and socket gone). Each client follows the documented protocol: keep the highest id seen, and after
// every (re)connect catch up with GET /api/notifications?after=<id>, following `next` to the end.
// One refinement a client needs: a catch-up cut short (the Worker went away mid-way) is redone from
// the same `after`, even if the new socket meanwhile delivered a higher id. Ids are de-duplicated.
// No notification may be lost; how many copies were dropped as duplicates is reported.
import WebSocket from "ws";
import { ApiClient, expectStatus, fmtMs, now, sleep, type Count, type Ctx, type Res, type ScenarioResult } from "./harness.ts";

const ORDERS = 12;
const CANCELLED = 4;
const DEVICES = 2;
const PATCH_GAP_MS = 150;
const RECONNECT_DEADLINE_MS = 90_000;
const SETTLE_MS = 5000;
/** How long a dropped client stays away before reconnecting. */
const OFFLINE_MIN_MS = 300;
const OFFLINE_MAX_MS = 900;

interface Note {
  id: number;
  type: string;
  order_id: number;
  from_status: string;
  to_status: string;
  created_at: string;
  read_at: string | null;
}

const isNote = (m: unknown): m is Note =>
  typeof m === "object" && m !== null && (m as Note).type === "order.status_changed" && Number.isInteger((m as Note).id) && Number.isInteger((m as Note).order_id);

/** One client device: a socket that reconnects, plus catch-up after each connect. */
class Device {
  readonly name: string;
  readonly seen = new Map<number, Note>();
  /** The id the next catch-up starts after: the highest id seen, except that it stays put while a catch-up is unfinished. */
  maxId = 0;
  /** Highest id that arrived by socket, and how many socket messages came with a lower id than an earlier one. */
  private socketHigh = 0;
  outOfOrder = 0;
  /** A catch-up that did not reach its last page: its `after` must be used again, whatever the socket delivered meanwhile. */
  private catchUpPending = false;
  viaSocket = 0;
  viaCatchUp = 0;
  /** Copies it already had (same id again), by where the second copy came from. */
  dedupSocket = 0;
  dedupCatchUp = 0;
  connects = 0;
  terminated = 0;
  catchUpRequests = 0;
  catchUpFailures = 0;
  malformed: string[] = [];
  errors: string[] = [];
  /** What happened, in order: socket ids, connects, catch-ups, drops (for explaining a loss). */
  readonly trace: string[] = [];
  private socket: WebSocket | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly http: ApiClient;
  private readonly wsUrl: string;
  private readonly token: string;

  constructor(name: string, http: ApiClient, token: string) {
    this.name = name;
    this.http = http;
    this.token = token;
    this.wsUrl = `${http.base.replace(/^http/, "ws")}/api/notifications/ws?token=${encodeURIComponent(token)}`;
  }

  private accept(n: Note, via: "socket" | "catch-up") {
    if (via === "socket") {
      this.trace.push(String(n.id));
      if (n.id < this.socketHigh) this.outOfOrder++;
      this.socketHigh = Math.max(this.socketHigh, n.id);
    }
    if (this.seen.has(n.id)) {
      if (via === "socket") this.dedupSocket++;
      else this.dedupCatchUp++;
      return;
    }
    this.seen.set(n.id, n);
    if (via === "socket") this.viaSocket++;
    else this.viaCatchUp++;
    if (!this.catchUpPending && n.id > this.maxId) this.maxId = n.id;
  }

  start() {
    this.loop = this.run();
  }

  private async open(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.wsUrl);
      const onResponse = (_req: unknown, res: { statusCode?: number }) => fail(`HTTP ${res.statusCode}`);
      const onError = (err: Error) => fail(err.message);
      const onClose = () => fail("closed before open");
      const detach = () => {
        socket.off("unexpected-response", onResponse);
        socket.off("error", onError);
        socket.off("close", onClose);
      };
      const fail = (why: string) => {
        detach();
        socket.on("error", () => undefined);
        socket.terminate();
        reject(new Error(why));
      };
      socket.once("open", () => {
        detach();
        resolve(socket);
      });
      socket.on("unexpected-response", onResponse);
      socket.on("error", onError);
      socket.on("close", onClose);
    });
  }

  private async run() {
    while (!this.stopped) {
      // Connect (retrying while the Worker is down), then catch up from the last id seen.
      const t0 = now();
      let socket: WebSocket | null = null;
      while (!this.stopped && !socket) {
        try {
          socket = await this.open();
        } catch (err) {
          if (now() - t0 > RECONNECT_DEADLINE_MS) {
            this.errors.push(`could not reconnect within ${fmtMs(RECONNECT_DEADLINE_MS)}: ${(err as Error).message}`);
            return;
          }
          await sleep(200);
        }
      }
      if (!socket) return;
      if (this.stopped) {
        socket.close();
        return;
      }
      this.connects++;
      this.trace.push("| connect");
      this.socket = socket;
      const closed = new Promise<void>((resolve) => {
        this.wake = resolve;
        socket.on("close", () => resolve());
        socket.on("error", () => undefined);
      });
      socket.on("message", (data) => {
        let msg: unknown;
        try {
          msg = JSON.parse(String(data));
        } catch {
          this.malformed.push(String(data).slice(0, 100));
          return;
        }
        if (isNote(msg)) this.accept(msg, "socket");
        else if ((msg as { type?: string }).type !== "pong") this.malformed.push(String(data).slice(0, 100));
      });
      await this.catchUp(socket);
      await closed;
      if (!this.stopped) this.trace.push("| closed");
      this.socket = null;
      // Like a real client's backoff: changes made meanwhile must come from the catch-up.
      if (!this.stopped) await sleep(OFFLINE_MIN_MS + Math.random() * (OFFLINE_MAX_MS - OFFLINE_MIN_MS));
    }
  }

  /** GET ?after=<highest id seen>, following `next` until null; retried while the socket stays open. */
  private async catchUp(socket: WebSocket) {
    const after = this.maxId;
    this.catchUpPending = true;
    const got: number[] = [];
    let path: string | null = `/api/notifications?after=${after}&page_size=5`;
    while (path && !this.stopped) {
      this.catchUpRequests++;
      const res: Res = await this.http.req("GET", path, { token: this.token });
      if (res.status !== 200) {
        this.catchUpFailures++;
        if (socket.readyState !== WebSocket.OPEN) {
          // The next connect catches up again from the same `after`.
          this.trace.push(`[catch-up after=${after} interrupted: ${got.join(" ") || "none"}]`);
          return;
        }
        await sleep(200);
        continue;
      }
      for (const n of res.body.results ?? []) {
        if (isNote(n)) {
          got.push(n.id);
          this.accept(n, "catch-up");
        } else this.malformed.push(JSON.stringify(n).slice(0, 100));
      }
      path = res.body.next ? ApiClient.pathOf(res.body.next) : null;
    }
    if (this.stopped) return;
    this.catchUpPending = false;
    this.maxId = Math.max(this.maxId, ...this.seen.keys());
    this.trace.push(`[catch-up after=${after}: ${got.join(" ") || "none"}]`);
  }

  /** Drops the connection without a close handshake (like a phone losing signal). */
  terminate() {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.terminated++;
      this.trace.push("| TERMINATE");
      this.socket.terminate();
    }
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  async stop() {
    this.stopped = true;
    this.socket?.close();
    this.wake?.();
    await this.loop;
  }
}

export async function socketsScenario(ctx: Ctx): Promise<ScenarioResult> {
  const devices: Device[] = [];
  try {
    return await run(ctx, devices);
  } finally {
    // Also when the scenario fails half-way: no client may keep reconnecting in the background.
    await Promise.all(devices.map((d) => d.stop()));
  }
}

async function run(ctx: Ctx, devices: Device[]): Promise<ScenarioResult> {
  const t0 = now();
  const { http, adminToken, runId, log, worker } = ctx;
  const ADMIN_LANES = ctx.adminLanes;
  const sentBefore = http.sent;

  // ---- setup: a user with several pending orders ----
  const cat = expectStatus(await http.req("POST", "/api/categories", { token: adminToken, body: { name: `Faults ws ${runId}`, description: "ws" } }), 201);
  const product = expectStatus(await http.req("POST", "/api/products", { token: adminToken, body: { name: `Faults ws ${runId}`, description: "", price: "3.00", stock: 100, category_id: cat.body.id } }), 201);
  const user = await http.user(`faults-ws-${runId}@example.com`);
  const orderIds: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    expectStatus(await http.req("POST", "/api/cart/items", { token: user.token, body: { product_id: product.body.id, quantity: 1 } }), 200);
    orderIds.push(expectStatus(await http.req("POST", "/api/orders", { token: user.token }), 201).body.id);
  }

  devices.push(...Array.from({ length: DEVICES }, (_, i) => new Device(`device ${i + 1}`, http, user.token)));
  for (const d of devices) d.start();
  for (const d of devices) {
    const deadline = now() + 10_000;
    while (!d.connected && now() < deadline) await sleep(50);
    if (!d.connected) throw new Error(`${d.name} could not connect`);
  }

  // ---- the admin's plan: every order moves forward; some are cancelled ----
  const plan: { order: number; to: string }[][] = Array.from({ length: ADMIN_LANES }, () => []);
  orderIds.forEach((order, i) => {
    const lane = plan[i % ADMIN_LANES]!;
    if (i < CANCELLED) lane.push({ order, to: "cancelled" });
    else lane.push({ order, to: "shipped" }, { order, to: "delivered" });
  });
  // Interleave each lane's steps (keeping every order's own steps in order).
  for (const lane of plan) {
    const byOrder = new Map<number, { order: number; to: string }[]>();
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
  const total = plan.reduce((n, lane) => n + lane.length, 0);

  const committed = new Map<string, { how: string }>(); // "order:to" the admin knows happened
  const patchTimes = new Map<string, { start: number; end: number }>();
  let done = 0;
  let fiveXX = 0;
  let refused = 0;
  let unexpected = 0;
  let ambiguous = 0;
  const problems: string[] = [];
  const events: string[] = [];
  let restarting = false;
  let restartInfo = "";
  let restartPromise: Promise<void> | null = null;

  // Faults keyed to progress: terminate sockets at ~20/35/70/85 %, restart wrangler at ~50 %.
  const terminations = [0.2, 0.35, 0.7, 0.85].map((f) => Math.round(f * total));
  const restartAt = Math.round(0.5 * total);
  const onProgress = () => {
    while (terminations.length && done >= terminations[0]!) {
      terminations.shift();
      const which = events.filter((e) => e.startsWith("terminate")).length % (DEVICES + 1);
      const targets = which < DEVICES ? [devices[which]!] : devices;
      for (const d of targets) d.terminate();
      events.push(`terminate ${targets.map((d) => d.name).join(" + ")} after ${done}/${total} changes`);
    }
    if (!restartPromise && done >= restartAt) {
      restarting = true;
      events.push(`restart wrangler after ${done}/${total} changes`);
      restartPromise = worker.restart().then(
        (r) => {
          restarting = false;
          restartInfo = `stopped in ${fmtMs(r.stopMs)}, new wrangler ready in ${fmtMs(r.startMs)}`;
          log(`wrangler restarted on port ${worker.port}: ${restartInfo}`);
        },
        (err) => {
          restarting = false;
          problems.push(`wrangler restart failed: ${err instanceof Error ? err.message : String(err)}`);
        },
      );
    }
  };

  const laneRun = async (steps: { order: number; to: string }[]) => {
    for (const s of steps) {
      let attempts = 0;
      let interrupted = false;
      for (;;) {
        attempts++;
        const res = await http.req("PATCH", `/api/admin/orders/${s.order}`, { token: adminToken, body: { status: s.to } });
        if (res.status === 200) {
          committed.set(`${s.order}:${s.to}`, { how: interrupted ? "retried" : "ok" });
          patchTimes.set(`${s.order}:${s.to}`, { start: res.start, end: res.end });
          break;
        }
        if (res.status === 0) {
          // No answer (wrangler going down or not up yet): the change may or may not have committed.
          refused++;
          interrupted = true;
          if (attempts > 600) {
            problems.push(`PATCH order ${s.order} → ${s.to}: no answer after ${attempts} attempts`);
            break;
          }
          await sleep(150);
          continue;
        }
        if (res.status === 409 && interrupted && res.body?.from === s.to) {
          // The interrupted attempt had committed: the notification must exist all the same.
          ambiguous++;
          committed.set(`${s.order}:${s.to}`, { how: "committed by an interrupted request" });
          break;
        }
        if (res.status >= 500) fiveXX++;
        else unexpected++;
        problems.push(`PATCH /api/admin/orders/${s.order} {status: ${s.to}} → ${res.status} ${restarting ? "(during restart) " : ""}${res.text.slice(0, 200)}`);
        if (res.status >= 500 && attempts < 50) {
          await sleep(200);
          continue;
        }
        break;
      }
      done++;
      onProgress();
      await sleep(PATCH_GAP_MS);
    }
  };

  const tStream = now();
  log(`${ORDERS} orders, ${total} status changes by ${ADMIN_LANES} admin lanes, ${DEVICES} devices listening`);
  await Promise.all(plan.map(laneRun));
  if (restartPromise) await restartPromise;
  const streamMs = now() - tStream;

  // ---- settle: wait until every device has every committed change (bounded) ----
  const expectedKeys = [...committed.keys()];
  const has = (d: Device, key: string) => [...d.seen.values()].some((n) => `${n.order_id}:${n.to_status}` === key);
  const tSettle = now();
  while (now() - tSettle < SETTLE_MS && !devices.every((d) => expectedKeys.every((k) => has(d, k)))) await sleep(100);
  const settleMs = now() - tSettle;
  for (const d of devices) await d.stop();

  // ---- the server's full list (all pages) ----
  const server = new Map<number, Note>();
  let path: string | null = "/api/notifications?page_size=100";
  while (path) {
    const res: Res = expectStatus(await http.req("GET", path, { token: user.token }), 200);
    for (const n of res.body.results) server.set(n.id, n);
    path = res.body.next ? ApiClient.pathOf(res.body.next) : null;
  }
  const serverKeys = new Set([...server.values()].map((n) => `${n.order_id}:${n.to_status}`));
  const missingOnServer = expectedKeys.filter((k) => !serverKeys.has(k));
  const unexplainedOnServer = [...serverKeys].filter((k) => !committed.has(k));
  const serverDupes = server.size - serverKeys.size;

  const counts: Count[] = [
    { label: "HTTP requests sent (+ WebSocket connects)", value: `${http.sent - sentBefore} (+${devices.reduce((n, d) => n + d.connects, 0)})` },
    { label: "status changes committed (admin 2xx)", value: committed.size },
    { label: "status changes planned", value: total },
    { label: "PATCH attempts without answer (wrangler down)", value: refused },
    { label: "PATCH committed by an interrupted request", value: ambiguous },
    { label: "PATCH 5xx", value: fiveXX, mustBeZero: true },
    { label: "PATCH unexpected 4xx", value: unexpected, mustBeZero: true },
    { label: "changes missing from GET /api/notifications", value: missingOnServer.length, mustBeZero: true },
    { label: "notifications the admin did not make", value: unexplainedOnServer.length + serverDupes, mustBeZero: true },
  ];
  const notes: string[] = [...events.map((e) => `fault: ${e}`), ...problems];
  if (restartInfo) notes.push(`wrangler restart: ${restartInfo}`);
  for (const k of missingOnServer) notes.push(`outbox lost: order ${k} committed by the admin but not listed by GET /api/notifications`);
  let lostTotal = 0;
  for (const d of devices) {
    const lostIds = [...server.keys()].filter((id) => !d.seen.has(id));
    const lostKeys = expectedKeys.filter((k) => !has(d, k));
    const phantom = [...d.seen.keys()].filter((id) => !server.has(id));
    const lost = new Set([...lostIds.map((id) => `${server.get(id)!.order_id}:${server.get(id)!.to_status}`), ...lostKeys]).size;
    lostTotal += lost;
    counts.push(
      { label: `${d.name}: lost notifications`, value: lost, mustBeZero: true },
      { label: `${d.name}: unknown ids (not on server)`, value: phantom.length, mustBeZero: true },
      { label: `${d.name}: malformed messages`, value: d.malformed.length, mustBeZero: true },
      { label: `${d.name}: got by socket / by catch-up`, value: `${d.viaSocket} / ${d.viaCatchUp}` },
      { label: `${d.name}: duplicates de-duplicated (socket / catch-up)`, value: `${d.dedupSocket} / ${d.dedupCatchUp}` },
      { label: `${d.name}: connects (terminated by us)`, value: `${d.connects} (${d.terminated})` },
      { label: `${d.name}: socket messages out of id order`, value: d.outOfOrder, mustBeZero: true },
      { label: `${d.name}: catch-up requests (failed)`, value: `${d.catchUpRequests} (${d.catchUpFailures})` },
      { label: `${d.name}: reconnect gave up`, value: d.errors.length, mustBeZero: true },
    );
    for (const id of lostIds) {
      const n = server.get(id)!;
      const patch = patchTimes.get(`${n.order_id}:${n.to_status}`);
      notes.push(
        `${d.name} lost id ${id} (order ${n.order_id} ${n.from_status}→${n.to_status}, created ${n.created_at}` +
          (patch ? `, its PATCH ran ${fmtMs(patch.start - tStream)}–${fmtMs(patch.end - tStream)} into the stream` : "") +
          `); highest id it saw: ${d.maxId}`,
      );
    }
    if (lostIds.length) notes.push(`${d.name} arrival order: ${d.trace.join(" ")}`);
    for (const m of d.malformed.slice(0, 3)) notes.push(`${d.name} malformed message: ${m}`);
    for (const e of d.errors) notes.push(`${d.name}: ${e}`);
  }
  counts.push({ label: "stream time (incl. wrangler restart)", value: fmtMs(streamMs) }, { label: "settle wait after last change", value: fmtMs(settleMs) });
  log(
    `${committed.size}/${total} changes committed, ${server.size} notifications on the server, lost ${lostTotal}, ` +
      devices.map((d) => `${d.name}: ${d.viaSocket} by socket, ${d.viaCatchUp} by catch-up, ${d.dedupSocket + d.dedupCatchUp} de-duplicated, ${d.connects} connects`).join("; "),
  );
  return { name: "sockets", counts, notes, ms: now() - t0 };
}
