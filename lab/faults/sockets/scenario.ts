// Scenario 3 — sockets and Durable Objects dropped while an admin changes order statuses:
// (a) client sockets terminated abruptly, (b) `wrangler dev` itself restarted (every Durable Object
// and socket gone). Each client follows the documented protocol: keep the highest id seen, and after
// every (re)connect catch up with GET /api/notifications?after=<id>, following `next` to the end.
// One refinement a client needs: a catch-up cut short (the Worker went away mid-way) is redone from
// the same `after`, even if the new socket meanwhile delivered a higher id. Ids are de-duplicated.
// No notification may be lost; how many copies were dropped as duplicates is reported.
// The timeline is here; the client is in device.ts, the admins and the faults in admin.ts, the
// verdicts in judging.ts.
import { expectStatus, fmtMs, now, sleep, type Ctx, type ScenarioResult } from "../harness.ts";
import { AdminStream, CANCELLED, planLanes, type Change } from "./admin.ts";
import { Device } from "./device.ts";
import { hasChange, judgeDevice, judgeServer, serverNotes } from "./judging.ts";

const ORDERS = 12;
/** Unpaid pending orders one user may hold (409 too-many-unpaid-orders beyond). */
const MAX_UNPAID = 5;
const DEVICES = 2;
const SETTLE_MS = 5000;

export async function socketsScenario(ctx: Ctx): Promise<ScenarioResult> {
  const devices: Device[] = [];
  try {
    return await run(ctx, devices);
  } finally {
    // Also when the scenario fails half-way: no client may keep reconnecting in the background.
    await Promise.all(devices.map((d) => d.stop()));
  }
}

/**
 * A user with several orders: the ones the plan cancels and a few more stay pending (as many as a
 * user may hold unpaid), the rest are paid by the admin as they are placed. Those payments are
 * status changes too, returned as `paid` so the judging expects their notifications on every device.
 */
async function setup(ctx: Ctx): Promise<{ token: string; orders: { id: number; status: string }[]; paid: Change[] }> {
  const { http, adminToken, runId } = ctx;
  if (CANCELLED > MAX_UNPAID) throw new Error("the plan cancels more pending orders than a user may hold");
  const cat = expectStatus(await http.req("POST", "/api/categories", { token: adminToken, body: { name: `Faults ws ${runId}`, description: "ws" } }), 201);
  const product = expectStatus(await http.req("POST", "/api/products", { token: adminToken, body: { name: `Faults ws ${runId}`, description: "", price: "3.00", stock: 100, category_id: cat.body.id } }), 201);
  const user = await http.user(`faults-ws-${runId}@example.com`);
  const orders: { id: number; status: string }[] = [];
  const paid: Change[] = [];
  for (let i = 0; i < ORDERS; i++) {
    expectStatus(await http.req("POST", "/api/cart/items", { token: user.token, body: { product_id: product.body.id, quantity: 1 } }), 200);
    const id: number = expectStatus(await http.req("POST", "/api/orders", { token: user.token }), 201).body.id;
    // The first four and the last stay pending: an order placed while 5 are unpaid is refused.
    if (i < MAX_UNPAID - 1 || i === ORDERS - 1) orders.push({ id, status: "pending" });
    else {
      expectStatus(await http.req("PATCH", `/api/admin/orders/${id}`, { token: adminToken, body: { status: "paid" } }), 200);
      orders.push({ id, status: "paid" });
      paid.push({ order: id, to: "paid" });
    }
  }
  return { token: user.token, orders, paid };
}

async function run(ctx: Ctx, devices: Device[]): Promise<ScenarioResult> {
  const t0 = now();
  const { http, log } = ctx;
  const sentBefore = http.sent;
  const user = await setup(ctx);
  devices.push(...Array.from({ length: DEVICES }, (_, i) => new Device(`device ${i + 1}`, http, user.token)));
  for (const d of devices) d.start();
  for (const d of devices) {
    const deadline = now() + 10_000;
    while (!d.connected && now() < deadline) await sleep(50);
    if (!d.connected) throw new Error(`${d.name} could not connect`);
  }

  // ---- the admins' plan, run with the faults ----
  const admin = new AdminStream(ctx, planLanes(user.orders, ctx.adminLanes), devices, user.paid);
  const tStream = now();
  log(`${ORDERS} orders (${admin.setup} paid in the set-up), ${admin.total} status changes by ${ctx.adminLanes} admin lanes, ${DEVICES} devices listening`);
  await admin.run();
  const streamMs = now() - tStream;

  // ---- settle: wait until every device has every committed change (bounded) ----
  const expectedKeys = [...admin.committed.keys()];
  const tSettle = now();
  while (now() - tSettle < SETTLE_MS && !devices.every((d) => expectedKeys.every((k) => hasChange(d, k)))) await sleep(100);
  const settleMs = now() - tSettle;
  for (const d of devices) await d.stop();

  // ---- the server's full list against the admins' changes and each device ----
  const server = await serverNotes(http, user.token);
  const out = judgeServer(admin, server, `${http.sent - sentBefore} (+${devices.reduce((n, d) => n + d.connects, 0)})`);
  let lostTotal = 0;
  for (const d of devices) lostTotal += judgeDevice(d, admin, server, tStream, out);
  out.counts.push({ label: "stream time (incl. wrangler restart)", value: fmtMs(streamMs) }, { label: "settle wait after last change", value: fmtMs(settleMs) });
  log(
    `${admin.committed.size}/${admin.total} changes committed, ${server.size} notifications on the server, lost ${lostTotal}, ` +
      devices.map((d) => `${d.name}: ${d.viaSocket} by socket, ${d.viaCatchUp} by catch-up, ${d.dedupSocket + d.dedupCatchUp} de-duplicated, ${d.connects} connects`).join("; "),
  );
  return { name: "sockets", counts: out.counts, notes: out.notes, ms: now() - t0 };
}
