// The postgres scenario's verdicts: every answer during the outage classified (a 503 problem+json
// naming db, a cached hit, or wrong), the recovery steps, and the rows one way reports.
import { fmtMs, leaksInternals, type Count, type Res } from "../harness.ts";
import type { Probe, Upgrade } from "./probes.ts";

/** Above this an answer during the outage counts as a hang. */
export const MAX_ANSWER_MS = 2000;

export interface OutageVerdicts {
  requests: number;
  cachedHits: number;
  unplannedHits: string[];
  db503: number;
  notProblem503: number;
  other5xx: number;
  slow: number;
  leaks: number;
  /** The WebSocket upgrade was not a quick 503. */
  wsWrong: number;
  median: number;
  maxMs: number;
  problems: string[];
}

/** Any catalog read the cache can answer may answer 200 (counted apart); the planned misses should not. */
const isCachedHit = (probe: Probe, res: Res) =>
  probe.method === "GET" && /^\/api\/(products|categories)/.test(probe.path) && res.status === 200 && res.headers.get("x-cache") === "hit";

function judgeAnswer(v: OutageVerdicts, probe: Probe, res: Res): void {
  v.maxMs = Math.max(v.maxMs, res.ms);
  if (res.ms > MAX_ANSWER_MS || res.status === 0) {
    v.slow++;
    v.problems.push(`${probe.name}: ${res.method} ${res.path} → ${res.status || res.error} after ${fmtMs(res.ms)}`);
  }
  const leak = leaksInternals(res.text);
  if (leak) {
    v.leaks++;
    v.problems.push(`${probe.name}: body leaks ${leak}: ${res.text.slice(0, 200)}`);
  }
  if (isCachedHit(probe, res)) {
    v.cachedHits++;
    if (!probe.cached) v.unplannedHits.push(`${probe.name} ${probe.path}`);
    return;
  }
  const isProblem = (res.headers.get("content-type") ?? "").startsWith("application/problem+json");
  const namesDb = res.body?.db === "down" && (!probe.health || res.body?.cache === "ok");
  if (res.status === 503 && isProblem && namesDb) {
    v.db503++;
    return;
  }
  if (res.status >= 500 && res.status !== 503) v.other5xx++;
  else if (res.status !== 0) v.notProblem503++;
  v.problems.push(`${probe.name}: ${res.method} ${res.path} → ${res.status || res.error} ${res.headers.get("content-type") ?? ""} X-Cache ${res.headers.get("x-cache") ?? "-"} after ${fmtMs(res.ms)}: ${res.text.slice(0, 200)}`);
}

export function judgeOutage(answers: { probe: Probe; res: Res }[], ws: Upgrade): OutageVerdicts {
  const v: OutageVerdicts = { requests: answers.length + 1, cachedHits: 0, unplannedHits: [], db503: 0, notProblem503: 0, other5xx: 0, slow: 0, leaks: 0, wsWrong: 0, median: 0, maxMs: ws.ms, problems: [] };
  for (const { probe, res } of answers) judgeAnswer(v, probe, res);
  if (ws.status !== 503 || ws.ms > MAX_ANSWER_MS) {
    v.wsWrong = 1;
    v.problems.push(`WebSocket upgrade while db is down → ${ws.status || ws.error} after ${fmtMs(ws.ms)}: ${ws.body.slice(0, 200)}`);
  } else if (leaksInternals(ws.body)) {
    v.leaks++;
    v.problems.push(`WebSocket upgrade 503 body leaks internals: ${ws.body.slice(0, 200)}`);
  }
  const latencies = answers.map((a) => a.res.ms).sort((a, b) => a - b);
  v.median = latencies[Math.floor(latencies.length / 2)] ?? 0;
  return v;
}

export const outageLogLine = (label: string, v: OutageVerdicts): string =>
  `${label}: ${v.requests} requests, ${v.db503 + (v.wsWrong ? 0 : 1)} × 503 db, ${v.cachedHits} cached hits 200, ${v.notProblem503 + v.other5xx + v.wsWrong} wrong, median ${fmtMs(v.median)}, slowest ${fmtMs(v.maxMs)}`;

export interface Step {
  name: string;
  ok: boolean;
  afterMs: number;
  detail: string;
}

export interface Recovery {
  /** How long starting or resuming Postgres took. */
  upMs: number;
  /** From then to the first /health 200; null: none within the limit. */
  healthyAfter: number | null;
  steps: Step[];
}

export function wayCounts(label: string, sent: number, v: OutageVerdicts, r: Recovery): Count[] {
  const notRecovered = r.steps.filter((s) => !s.ok).length + (r.healthyAfter === null ? 1 : 0);
  return [
    { label: `${label}: requests sent`, value: sent },
    { label: `${label}: requests while db down`, value: v.requests },
    { label: `${label}: 503 problem+json naming db`, value: v.db503 + (v.wsWrong ? 0 : 1) },
    { label: `${label}: cached reads answered 200 (hit)`, value: v.cachedHits },
    { label: `${label}: planned misses that were hits (coverage)`, value: v.unplannedHits.length },
    { label: `${label}: not 503 problem+json db:down`, value: v.notProblem503 + v.wsWrong, mustBeZero: true },
    { label: `${label}: 5xx other than 503`, value: v.other5xx, mustBeZero: true },
    { label: `${label}: slower than ${MAX_ANSWER_MS / 1000} s or no answer`, value: v.slow, mustBeZero: true },
    { label: `${label}: bodies with stack trace / SQL`, value: v.leaks, mustBeZero: true },
    { label: `${label}: answer time median / max`, value: `${fmtMs(v.median)} / ${fmtMs(v.maxMs)}` },
    { label: `${label}: /health 200 after recovery`, value: r.healthyAfter === null ? "never" : fmtMs(r.healthyAfter) },
    { label: `${label}: not recovered (health/register/login/order)`, value: notRecovered, mustBeZero: true },
  ];
}
