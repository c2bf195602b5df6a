// Timing helpers for the benchmarks: run N requests at concurrency C, report p50/p95/p99 and req/s.
export interface Sample {
  name: string;
  requests: number;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  notes?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** The p50, p95 and p99 of ascending latencies, rounded as a Sample's columns are. */
export function spread(sorted: number[]): { p50: number; p95: number; p99: number } {
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) };
}

/** Runs `task(i)` `requests` times with at most `concurrency` in flight; a task returns false on a wrong answer. */
export async function measure(name: string, requests: number, concurrency: number, task: (i: number) => Promise<boolean>, notes?: string): Promise<Sample> {
  const durations: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= requests) return;
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await task(i);
      } catch {
        ok = false;
      }
      durations.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  const elapsed = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return {
    name,
    requests,
    concurrency,
    ...spread(durations),
    rps: round(requests / elapsed),
    errors,
    notes,
  };
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function table(samples: Sample[]): string {
  const header = "| benchmark | requests | conc. | p50 ms | p95 ms | p99 ms | req/s | errors | notes |\n|---|---:|---:|---:|---:|---:|---:|---:|---|";
  const rows = samples.map((s) => `| ${s.name} | ${s.requests} | ${s.concurrency} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.rps} | ${s.errors} | ${s.notes ?? ""} |`);
  return [header, ...rows].join("\n");
}

/**
 * A horizontal bar chart of p50 and p95 per benchmark, as a standalone SVG. The axis is
 * logarithmic: cache hits (~1 ms) and deep OFFSET pages (~1 s) share one chart.
 */
export function svgChart(title: string, samples: Sample[]): string {
  const rowHeight = 34;
  const left = 330;
  const width = 980;
  const max = Math.max(1, ...samples.map((s) => s.p95));
  const scale = (v: number) => ((width - left - 110) * Math.log10(1 + v)) / Math.log10(1 + max);
  const rows = samples
    .map((s, i) => {
      const y = 48 + i * rowHeight;
      return `<text x="${left - 8}" y="${y + 16}" text-anchor="end" font-size="12">${escapeXml(s.name)}</text>
<rect x="${left}" y="${y}" width="${scale(s.p95).toFixed(1)}" height="12" fill="#9db8e8"/>
<rect x="${left}" y="${y + 13}" width="${scale(s.p50).toFixed(1)}" height="12" fill="#1f5fbf"/>
<text x="${left + scale(s.p95) + 6}" y="${y + 11}" font-size="11">p95 ${s.p95} ms</text>
<text x="${left + scale(s.p50) + 6}" y="${y + 24}" font-size="11">p50 ${s.p50} ms</text>`;
    })
    .join("\n");
  const height = 64 + samples.length * rowHeight;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>
<text x="10" y="38" font-size="11" fill="#555">latency, log scale; dark: p50, light: p95</text>
${rows}
</svg>
`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
}
