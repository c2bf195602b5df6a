// The bump scenario's observation after the restart (reads of the product's detail and list until
// they show the committed price and stock, then the outbox) and its verdicts as rows and notes.
import { fmtMs, now, shutdown, sleep, withPg, type Count, type Ctx, type Res } from "../harness.ts";
import type { HeldRequest } from "./holding-proxy.ts";

/** The cron sweep runs every minute and pays rows older than its grace; plus a margin for a slow restart or tick. */
const DEADLINE_MS = 75_000;
const SWEEP_GRACE_MS = 5000;
/** The scenario fires the same scheduled handler itself this long after the commit rather than wait up to a minute for the tick. */
const FIRE_SWEEP_AFTER_MS = SWEEP_GRACE_MS + 500;
const MINUTE_MS = 60_000;
const POLL_MS = 500;

export interface Target {
  productId: number;
  detail: string;
  list: string;
}

export interface Values {
  price: string;
  stock: number;
}

/** What the kill left: timings on the run's clock, the held bumps, and what Postgres and Redis said right after. */
export interface Killed {
  tWrites: number;
  tKill: number;
  /** The last held bump's arrival: both writes had committed by then. */
  tCommit: number;
  wallCommit: number;
  held: HeldRequest[];
  answers: Res[];
  versionBefore: string;
  versionAfterKill: string;
  truth: Values;
  outboxIds: number[];
  /** Both writes are in Postgres. */
  committed: boolean;
}

export const isFresh = (want: Values, got: Partial<Values> | undefined): boolean => got?.price === want.price && got?.stock === want.stock;

interface Look {
  res: Res;
  got?: Values;
  fresh: boolean;
  stale: boolean;
}

export interface Watched {
  /** The detail and the list, read once right after the restart. */
  first: Look[];
  /** From the commit to the end of the first reads that were all fresh; null: not within the deadline. */
  freshAfterMs: number | null;
  staleAfterDeadline: number;
  staleOnceFresh: number;
  notOk: number;
  reads: number;
  outboxLeft: number;
  /** From the commit to the first cron tick that may pay its bump (rows older than the grace). */
  sweepDueMs: number;
  /** What firing the scheduled handler after the grace answered (null: the reads were fresh before). */
  firedSweep: string | null;
  /** That tick came before the first read after the restart (a fresh first read is then no evidence against the kill). */
  sweptBeforeFirstRead: boolean;
  problems: string[];
}

const describe = (l: Look) => `X-Cache ${l.res.headers.get("x-cache") ?? "-"} ${l.got ? `price ${l.got.price} stock ${l.got.stock}` : `status ${l.res.status || l.res.error}`}`;

class Watcher {
  readonly w: Watched;
  private readonly ctx: Ctx;
  private readonly target: Target;
  private readonly truth: Values;

  constructor(ctx: Ctx, target: Target, k: Killed) {
    this.ctx = ctx;
    this.target = target;
    this.truth = k.truth;
    const due = Math.ceil((k.wallCommit + SWEEP_GRACE_MS) / MINUTE_MS) * MINUTE_MS - k.wallCommit;
    this.w = { first: [], freshAfterMs: null, staleAfterDeadline: 0, staleOnceFresh: 0, notOk: 0, reads: 0, outboxLeft: 0, sweepDueMs: due, firedSweep: null, sweptBeforeFirstRead: false, problems: [] };
  }

  async read(path: string): Promise<Look> {
    const res = await this.ctx.http.req("GET", path);
    this.w.reads++;
    const item = res.status !== 200 ? undefined : path === this.target.detail ? res.body : (res.body?.results ?? []).find((x: { id: number }) => x.id === this.target.productId);
    const got = item ? { price: item.price, stock: item.stock } : undefined;
    const fresh = res.status === 200 && isFresh(this.truth, got);
    if (res.status !== 200) {
      this.w.notOk++;
      if (this.w.problems.length < 6) this.w.problems.push(`GET ${path} → ${res.status || res.error} ${res.text.slice(0, 160)}`);
    }
    return { res, got, fresh, stale: res.status === 200 && !fresh };
  }

  pair(): Promise<Look[]> {
    return (async () => [await this.read(this.target.detail), await this.read(this.target.list)])();
  }
}

/** Reads detail and list from the restart on until both are fresh (bounded by the deadline), then confirms and checks the outbox. */
export async function watchUntilFresh(ctx: Ctx, target: Target, k: Killed): Promise<Watched> {
  const watcher = new Watcher(ctx, target, k);
  const w = watcher.w;
  const deadline = k.tCommit + DEADLINE_MS;
  w.first = await watcher.pair();
  w.sweptBeforeFirstRead = w.first[0]!.res.start - k.tCommit >= w.sweepDueMs;
  ctx.log(`first reads after the restart: detail ${describe(w.first[0]!)}, list ${describe(w.first[1]!)}; committed price ${k.truth.price} stock ${k.truth.stock}; the sweep is due ${fmtMs(w.sweepDueMs)} after the commit`);
  let last = w.first;
  let sweep: Promise<void> | null = null;
  while (!last.every((l) => l.fresh) && !shutdown.requested) {
    // The minute's tick may come first; either way the sweep, not the restart, is what pays the bump.
    if (!sweep && now() >= k.tCommit + FIRE_SWEEP_AFTER_MS) {
      sweep = ctx.worker.fireCron().then(
        (r) => void (w.firedSweep = r.outcome),
        (err) => void (w.firedSweep = `failed: ${err instanceof Error ? err.message : String(err)}`),
      );
      ctx.log(`firing the cron sweep ${fmtMs(now() - k.tCommit)} after the commit`);
    }
    const late = last.filter((l) => l.stale && l.res.start > deadline).length;
    if (late || now() > deadline + 5000) {
      w.staleAfterDeadline += late;
      break;
    }
    await sleep(POLL_MS);
    last = await watcher.pair();
  }
  if (last.every((l) => l.fresh)) {
    w.freshAfterMs = Math.max(...last.map((l) => l.res.end)) - k.tCommit;
    // Fresh must stay fresh: the detail twice (the second may be a hit of the new entry), the list once.
    for (const path of [target.detail, target.detail, target.list]) if ((await watcher.read(path)).stale) w.staleOnceFresh++;
  }
  await sweep;
  w.outboxLeft = await outboxLeft(ctx, k.outboxIds);
  ctx.log(
    `${w.freshAfterMs === null ? `still not fresh ${fmtMs(now() - k.tCommit)} after the commit` : `fresh ${fmtMs(w.freshAfterMs)} after the commit`} (${w.reads} reads); ` +
      `${w.outboxLeft} of ${k.outboxIds.length} outbox row(s) left`,
  );
  return w;
}

/** The killed writes' outbox rows still there (the sweep deletes them right after paying; given a moment). */
async function outboxLeft(ctx: Ctx, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const t0 = now();
  for (;;) {
    const left = await withPg(ctx.stack.postgres.url, async (db) => (await db.query<{ n: number }>("select count(*)::int as n from catalog_bumps where id = any($1::bigint[])", [ids])).rows[0]!.n);
    if (left === 0 || now() - t0 > 3000) return left;
    await sleep(200);
  }
}

/** Why the test may not have tested the sweep: a bump that got through before the kill. Empty: it was killed. */
function notKilledBecause(k: Killed, w: Watched): string[] {
  const why: string[] = [];
  if (!k.held.length) why.push("the proxy held no bump");
  if (k.answers.some((a) => a.status >= 200 && a.status < 300)) why.push("a write was answered before the kill (its bump had gone through, or had timed out and was owed to the isolate and the keeper)");
  if (k.versionAfterKill !== k.versionBefore) why.push(`the catalog versions were raised before the kill (${k.versionBefore} → ${k.versionAfterKill})`);
  if (!k.outboxIds.length) why.push("no outbox row was left after the kill (a request had confirmed its bump)");
  if (!w.first.some((l) => l.stale) && !w.sweptBeforeFirstRead) why.push("the cached detail and list were fresh right after the restart although no sweep could have run yet");
  return why;
}

export function bumpCounts(k: Killed, w: Watched): { counts: Count[]; notes: string[] } {
  const why = notKilledBecause(k, w);
  const staleFirst = w.first.filter((l) => l.stale).length;
  const counts: Count[] = [
    { label: "catalog writes sent (price, stock)", value: k.answers.length },
    { label: "bump requests held by the proxy", value: k.held.length },
    { label: "Worker killed after the first held bump", value: k.held.length ? fmtMs(k.tKill - k.held[0]!.at) : "-" },
    { label: "outbox rows of the writes after the kill", value: k.outboxIds.length },
    { label: "bump not killed (the test tested nothing)", value: why.length ? 1 : 0, mustBeZero: true },
    { label: "stale reads right after restart (the fault)", value: `${staleFirst}/${w.first.length}` },
    { label: "sweep fired after the grace (outcome)", value: w.firedSweep ?? "-" },
    { label: "seconds until fresh (from the commit)", value: w.freshAfterMs === null ? "never" : (w.freshAfterMs / 1000).toFixed(1) },
    { label: `stale reads after the deadline (${DEADLINE_MS / 1000} s)`, value: w.staleAfterDeadline + (w.freshAfterMs === null ? 1 : 0), mustBeZero: true },
    { label: "stale reads once fresh", value: w.staleOnceFresh, mustBeZero: true },
    { label: "5xx or no answer (reads after restart)", value: w.notOk, mustBeZero: true },
    { label: "outbox rows left (of the killed writes)", value: w.outboxLeft, mustBeZero: true },
  ];
  const notes = why.map((reason) => `bump not killed: ${reason}; the sweep was not what made the reads fresh`);
  if (!staleFirst && w.sweptBeforeFirstRead) notes.push(`no stale read seen: the sweep was due ${fmtMs(w.sweepDueMs)} after the commit, before the first read after the restart`);
  if (k.held.length > k.answers.length) notes.push(`${k.held.length} bump requests held for ${k.answers.length} writes: a bump was retried, so its first attempt had timed out before the kill`);
  if (!k.committed) notes.push(`the writes did not both commit before the kill: Postgres has price ${k.truth.price} stock ${k.truth.stock}`);
  for (const [i, l] of w.first.entries()) notes.push(`right after the restart: GET ${l.res.path} ${describe(l)} (${l.stale ? "stale" : l.fresh ? "fresh" : "failed"})${i === 0 ? `, ${fmtMs(l.res.start - k.tCommit)} after the commit` : ""}`);
  notes.push(...w.problems);
  return { counts, notes };
}
