// Cron Triggers for local runtimes. Cloudflare fires a Worker's `scheduled` handler for each
// `[triggers] crons` expression (in UTC); wrangler dev and plain workerd never do, so the local
// scripts keep a ticker that fires them at the top of every matching minute.

const FIELDS: [min: number, max: number][] = [
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 7], // day of week (0 and 7 are Sunday)
];
const NAMES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
};

function value(text: string, field: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NAMES[text.toLowerCase()];
  const [min, max] = FIELDS[field]!;
  if (n === undefined || n < min || n > max) throw new Error(`cron field ${field + 1}: ${JSON.stringify(text)} is not in ${min}-${max}`);
  return n;
}

/** The set of values one field allows: `*`, `n`, `a-b`, lists, and `/step` on `*` or ranges. */
function parseField(text: string, field: number): Set<number> {
  const [min, max] = FIELDS[field]!;
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`cron field ${field + 1}: bad step in ${JSON.stringify(part)}`);
    let from: number;
    let to: number;
    if (range === "*") [from, to] = [min, max];
    else if (range!.includes("-")) {
      const [a, b] = range!.split("-");
      [from, to] = [value(a!, field), value(b!, field)];
    } else {
      from = value(range!, field);
      to = stepText === undefined ? from : max;
    }
    for (let v = from; v <= to; v += step) out.add(field === 4 && v === 7 ? 0 : v);
  }
  return out;
}

export interface Cron {
  expression: string;
  matches(date: Date): boolean;
}

/** Parses a five-field cron expression (Cloudflare's syntax without `L`, `W` and `#`). */
export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron ${JSON.stringify(expression)}: expected 5 fields, got ${parts.length}`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => parseField(p, i));
  const domAny = parts[2] === "*";
  const dowAny = parts[4] === "*";
  return {
    expression,
    matches(date) {
      if (!minute!.has(date.getUTCMinutes()) || !hour!.has(date.getUTCHours()) || !month!.has(date.getUTCMonth() + 1)) return false;
      const d = dom!.has(date.getUTCDate());
      const w = dow!.has(date.getUTCDay());
      // Classic cron: when both day fields are restricted, either may match.
      return domAny || dowAny ? d && w : d || w;
    },
  };
}

/**
 * Calls `fire(cron, scheduledTime)` at the start of every minute that a cron matches, until stop().
 * A failing or slow fire is the runtime's business: it is caught and never blocks the next tick.
 */
export function startCronTicker(expressions: string[], fire: (cron: string, scheduledTime: number) => Promise<void>): { stop(): void } {
  const crons = expressions.map(parseCron);
  let timer: NodeJS.Timeout | undefined;
  let stopped = crons.length === 0;
  const schedule = () => {
    if (stopped) return;
    const now = Date.now();
    const next = Math.floor(now / 60_000) * 60_000 + 60_000;
    timer = setTimeout(() => {
      const at = new Date(next);
      for (const cron of crons) if (cron.matches(at)) void fire(cron.expression, next).catch(() => undefined);
      schedule();
    }, next - now + 20);
    timer.unref();
  };
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
