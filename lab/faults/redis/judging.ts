// The redis scenario's verdicts: every read judged against the committed states, the sweeps that
// read every entity while no write is in flight, the /health probes against the outage, and the
// rows (counts, notes, one log line) that one way reports.
import { fmtMs, now, sleep, type ApiClient, type Count, type Res } from "../harness.ts";
import { describeState, judge, last, same, type Entity, type Fixture, type Observation, type Values } from "./model.ts";
import type { Load, Phase, Tally } from "./load.ts";

export const HIT_WITHIN_MS = 5000;
/** Health probes this soon after recovery may still be settling; after it they must be 200. */
export const HEALTH_GRACE_MS = 2000;

export interface SweepResult {
  stale: number;
  examples: string[];
}

/**
 * Every product (detail twice, so the second may be a hit, and the category's list) and the
 * category, read while no write is in flight, against the last committed state.
 */
export async function sweep(http: ApiClient, fx: Fixture, tally: Tally, what: string): Promise<SweepResult> {
  const result: SweepResult = { stale: 0, examples: [] };
  const compare = (res: Res, e: Entity, got: Values) => {
    if (same(e, last(e), got)) return;
    result.stale++;
    if (result.examples.length < 4) {
      result.examples.push(`${what}: GET ${res.path} (X-Cache ${res.headers.get("x-cache")}) ${tally.phase.rel(res.start)}: ${e.key} ${describeState(e, got)}, committed ${describeState(e, last(e))}`);
    }
  };
  for (const p of fx.products) {
    for (let i = 0; i < 2; i++) {
      const res = await http.req("GET", `/api/products/${p.id}`);
      if (tally.check(res, [200], what)) compare(res, p, { price: res.body.price, stock: res.body.stock });
    }
  }
  const list = await http.req("GET", `/api/products?category=${fx.category.id}&page_size=100`);
  if (tally.check(list, [200], what)) {
    for (const p of fx.products) {
      const item = (list.body.results ?? []).find((x: { id: number }) => x.id === p.id);
      compare(list, p, { price: item?.price, stock: item?.stock });
    }
  }
  for (let i = 0; i < 2; i++) {
    const res = await http.req("GET", `/api/categories/${fx.category.id}`);
    if (tally.check(res, [200], what)) compare(res, fx.category, { description: res.body.description });
  }
  return result;
}

export interface ReadVerdicts {
  stale: number;
  /** Reads (by start time) that carried a stale value. */
  staleRequests: Set<number>;
  wrongReads: number;
  /** For stale reads after recovery: when they started, after tRecover. */
  staleAfterRecovery: number[];
  examples: string[];
  byPhase: { before: number; during: number; after: number };
}

/** Every value the readers saw, judged against the committed states. */
export function judgeReads(observations: Observation[], phase: Phase): ReadVerdicts {
  const v: ReadVerdicts = { stale: 0, staleRequests: new Set(), wrongReads: 0, staleAfterRecovery: [], examples: [], byPhase: { before: 0, during: 0, after: 0 } };
  for (const o of observations) {
    const j = judge(o);
    if (j.verdict === "ok") continue;
    const where = phase.where(o.start);
    if (j.verdict === "stale") {
      v.stale++;
      v.staleRequests.add(o.start);
      v.byPhase[where]++;
      if (where === "after") v.staleAfterRecovery.push(o.start - phase.tRecover);
    } else v.wrongReads++;
    if (v.examples.length < 6) {
      v.examples.push(
        `${j.verdict} ${o.route} ${o.entity.key} (X-Cache ${o.xcache || "-"}), read started ${phase.rel(o.start)}: got ${describeState(o.entity, o.got)}, committed ${describeState(o.entity, j.expected)}` +
          (j.staleByMs !== undefined ? ` (newer value committed ${fmtMs(j.staleByMs)} before the read started)` : ""),
      );
    }
  }
  return v;
}

export interface HealthVerdicts {
  during: number;
  wrongDuring: number;
  wrongAfter: number;
  /** From recovery to the first 200 (Infinity: none). */
  healthyAfterMs: number;
}

/** /health inside the outage must be 503 problem+json `cache: "down"`, and 200 once recovery has settled. */
export function judgeHealth(health: Res[], tally: Tally): HealthVerdicts {
  const { phase } = tally;
  const v: HealthVerdicts = { during: 0, wrongDuring: 0, wrongAfter: 0, healthyAfterMs: Infinity };
  for (const h of health) {
    if (h.start >= phase.tFault && h.end <= phase.tOutageEnd) {
      v.during++;
      const ok = h.status === 503 && (h.headers.get("content-type") ?? "").startsWith("application/problem+json") && h.body?.cache === "down" && h.body?.db === "ok";
      if (!ok) {
        v.wrongDuring++;
        tally.problem(`GET /health ${phase.rel(h.start)}: ${h.status || h.error} ${h.headers.get("content-type")} ${h.text.slice(0, 160)}`);
      }
    } else if (h.start >= phase.tRecover + HEALTH_GRACE_MS && h.status !== 200) {
      v.wrongAfter++;
      tally.problem(`GET /health ${phase.rel(h.start)}: ${h.status || h.error} ${h.text.slice(0, 160)}`);
    }
  }
  const firstHealthy = health.find((h) => h.start >= phase.tRecover && h.status === 200);
  if (firstHealthy) v.healthyAfterMs = firstHealthy.end - phase.tRecover;
  if (v.during === 0) tally.problem("no /health probe fell entirely inside the outage");
  return v;
}

/**
 * When the cache first answered a hit after recovery: the dedicated probe's or the load's first,
 * else (under constant writes every read may be a miss) polled once more with the load stopped.
 */
export async function firstHit(http: ApiClient, fx: Fixture, load: Load, phase: Phase, probed: number | null): Promise<{ ms: number; how: string }> {
  const loadHit = load.reads.filter((r) => r.start >= phase.tRecover && r.xcache === "hit").map((r) => r.end - phase.tRecover);
  const firstLoadHit = loadHit.length ? Math.min(...loadHit) : null;
  let ms = [probed, firstLoadHit].filter((v): v is number => v !== null).reduce((a, b) => Math.min(a, b), Infinity);
  if (Number.isFinite(ms)) return { ms, how: "under load" };
  const tPoll = now();
  for (let i = 0; i < 50 && !Number.isFinite(ms); i++) {
    const res = await http.req("GET", `/api/products/${fx.products[0]!.id}`);
    if (res.headers.get("x-cache") === "hit") ms = res.end - phase.tRecover;
    await sleep(100);
    if (now() - tPoll > HIT_WITHIN_MS) break;
  }
  return { ms, how: "after the load stopped" };
}

/** Everything one way found, for its rows. */
export interface WayFindings {
  label: string;
  sent: number;
  tally: Tally;
  load: Load;
  reads: ReadVerdicts;
  recoverySweep: SweepResult;
  finalSweep: SweepResult;
  health: HealthVerdicts;
  hit: { ms: number; how: string };
  modelMismatch: number;
}

/** The way's rows of the summary table. */
export function wayCounts(f: WayFindings): Count[] {
  const { label, tally, reads, health, hit } = f;
  const { phase } = tally;
  const observations = f.load.observations;
  const outageReads = f.load.reads.filter((r) => r.start >= phase.tFault && r.end <= phase.tOutageEnd);
  const maxOutageRead = outageReads.reduce((m, r) => Math.max(m, r.end - r.start), 0);
  const bypassDuring = outageReads.filter((r) => r.xcache === "bypass").length;
  const judgedAfter = observations.filter((o) => o.start >= phase.tRecover).length;
  return [
    { label: `${label}: requests sent`, value: f.sent },
    { label: `${label}: values judged in reads (after recovery)`, value: `${observations.length} (${judgedAfter})` },
    { label: `${label}: 5xx (not /health)`, value: tally.fiveXX, mustBeZero: true },
    { label: `${label}: no answer / timeout`, value: tally.noAnswer, mustBeZero: true },
    { label: `${label}: unexpected 4xx`, value: tally.unexpected, mustBeZero: true },
    { label: `${label}: expected 409 (stock)`, value: tally.expected409 },
    { label: `${label}: wrong answers (writes, orders, lists)`, value: tally.wrongWrites, mustBeZero: true },
    { label: `${label}: wrong values in reads`, value: reads.wrongReads, mustBeZero: true },
    { label: `${label}: stale values in reads under load`, value: reads.stale, mustBeZero: true },
    { label: `${label}: requests that carried them`, value: reads.staleRequests.size },
    { label: `${label}: stale values, sweep right after recovery`, value: f.recoverySweep.stale, mustBeZero: true },
    { label: `${label}: stale values, sweep after the load`, value: f.finalSweep.stale, mustBeZero: true },
    { label: `${label}: /health probes inside the outage`, value: health.during },
    { label: `${label}: /health not 503 cache:down in outage`, value: health.wrongDuring + (health.during === 0 ? 1 : 0), mustBeZero: true },
    { label: `${label}: /health not 200 ≥${HEALTH_GRACE_MS / 1000} s after recovery`, value: health.wrongAfter, mustBeZero: true },
    { label: `${label}: /health 200 again after`, value: Number.isFinite(health.healthyAfterMs) ? fmtMs(health.healthyAfterMs) : "never" },
    { label: `${label}: first X-Cache hit after recovery`, value: Number.isFinite(hit.ms) ? `${fmtMs(hit.ms)} (${hit.how})` : `none within ${fmtMs(HIT_WITHIN_MS)}` },
    { label: `${label}: no X-Cache hit within ${HIT_WITHIN_MS / 1000} s`, value: Number.isFinite(hit.ms) ? 0 : 1, mustBeZero: true },
    { label: `${label}: slowest read during outage`, value: fmtMs(maxOutageRead) },
    { label: `${label}: reads bypassing cache during outage`, value: `${bypassDuring}/${outageReads.length}` },
    { label: `${label}: harness model ≠ Postgres`, value: f.modelMismatch, mustBeZero: true },
    { label: `${label}: load loops that failed (harness)`, value: tally.harnessErrors, mustBeZero: true },
  ];
}

/** The way's notes: resyncs, where the stale reads fell, examples and problems. */
export function wayNotes(f: WayFindings): string[] {
  const { label, tally, reads } = f;
  const { phase } = tally;
  const notes: string[] = [];
  if (tally.modelResyncs) notes.push(`${label}: ${tally.modelResyncs} write(s) failed; the model re-read them from Postgres.`);
  if (reads.stale) {
    const after = reads.staleAfterRecovery;
    notes.push(
      `${label}: ${reads.stale} stale value(s) in ${reads.staleRequests.size} read(s): ${reads.byPhase.before} before the fault, ${reads.byPhase.during} during the outage (0–${fmtMs(phase.tOutageEnd - phase.tFault)}), ${reads.byPhase.after} after recovery` +
        (after.length ? ` (from +${fmtMs(Math.min(...after))} to +${fmtMs(Math.max(...after))} after recovery)` : ""),
    );
  }
  for (const e of [...reads.examples, ...f.recoverySweep.examples, ...f.finalSweep.examples, ...tally.problems]) notes.push(`${label}: ${e}`);
  return notes;
}

/** One line for the run's log. */
export function wayLogLine(f: WayFindings): string {
  const { label, tally, reads, health, hit } = f;
  return (
    `${label}: ${f.sent} requests, ${f.load.observations.length} values judged, 5xx ${tally.fiveXX}, no answer ${tally.noAnswer}, unexpected ${tally.unexpected}, wrong ${tally.wrongWrites + reads.wrongReads}, stale ${reads.stale} (sweeps: ${f.recoverySweep.stale} after recovery, ${f.finalSweep.stale} after the load), ` +
    `health in outage ${health.during - health.wrongDuring}/${health.during} correct, health 200 after ${Number.isFinite(health.healthyAfterMs) ? fmtMs(health.healthyAfterMs) : "never"}, first hit after ${Number.isFinite(hit.ms) ? fmtMs(hit.ms) : "never"}`
  );
}
