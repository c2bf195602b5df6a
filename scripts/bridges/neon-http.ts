// Neon's SQL-over-HTTP endpoint (`POST /sql`), as the `neon()` function of @neondatabase/serverless
// 1.x speaks it, served against a plain Postgres through `pg`. Modelled on Neon's proxy
// (neondatabase/neon proxy/src/serverless/sql_over_http.rs and json.rs):
// - body `{ query, params }`, or `{ queries: [{ query, params }, …] }` for `transaction([...])`;
//   params are text or null (the driver has already turned dates, arrays, JSON and bytea into text);
// - headers: `Neon-Connection-String` (the only credentials), `Neon-Raw-Text-Output: true` (values
//   as Postgres prints them), `Neon-Array-Mode: true` (rows as arrays), and for a batch
//   `Neon-Batch-Isolation-Level` (ReadUncommitted|ReadCommitted|RepeatableRead|Serializable),
//   `Neon-Batch-Read-Only`, `Neon-Batch-Deferrable` (only the exact value "true" counts);
// - 200 `{ rowAsArray, fields: [{ name, dataTypeID, tableID, columnID, dataTypeSize,
//   dataTypeModifier, format: "text" }], rows, command, rowCount }`, or `{ results: [that, …] }`;
// - a Postgres error: 400 `{ message, code, detail, hint, position, internalPosition, internalQuery,
//   severity, where, table, column, schema, dataType, constraint, file, line, routine }` (absent ones
//   null), which the driver turns into a NeonDbError carrying each field. Any other status makes the
//   driver throw "Server error (HTTP status N): <body>" without a code.
// Each statement runs with the extended protocol (one statement per query string, as on Neon).
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface SqlTarget {
  host: string;
  port: number;
}

export interface SqlReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** Statements sent to Postgres (for the bridge's counters). */
  statements: number;
}

interface QueryData {
  query: string;
  params: (string | null)[];
  arrayMode?: boolean;
}

const ERROR_FIELDS = ["code", "detail", "hint", "position", "internalPosition", "internalQuery", "severity", "where", "table", "column", "schema", "dataType", "constraint", "file", "line", "routine"] as const;

const ISOLATION_LEVELS: Record<string, string> = {
  ReadUncommitted: "read uncommitted",
  ReadCommitted: "read committed",
  RepeatableRead: "repeatable read",
  Serializable: "serializable",
};

/** Neon caps a response (no streaming); the same cap here keeps a runaway query from eating memory. */
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

// Every value stays the text Postgres sent; the client parses it (or, without raw output, json.ts-like rules below).
const rawText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

class RequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function errorBody(message: string, fields: Partial<Record<(typeof ERROR_FIELDS)[number], string | undefined>> = {}, code = ""): Record<string, unknown> {
  const body: Record<string, unknown> = { message };
  for (const name of ERROR_FIELDS) body[name] = fields[name] ?? null;
  body.code = fields.code ?? code;
  return body;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Neon's json_to_pg_text: JSON params to Postgres text (the driver already sends text, this covers hand-made bodies). */
function paramToText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return arrayToPgText(value);
  return JSON.stringify(value);
}

function arrayToPgText(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) return `{${value.map(arrayToPgText).join(",")}}`;
  if (typeof value === "object") return JSON.stringify(JSON.stringify(value));
  return JSON.stringify(value);
}

function parseQuery(value: unknown): QueryData {
  if (typeof value !== "object" || value === null || typeof (value as { query?: unknown }).query !== "string") {
    throw new RequestError(400, "request body must be { query, params } or { queries: [...] }");
  }
  const { query, params, arrayMode } = value as { query: string; params?: unknown; arrayMode?: unknown };
  if (params !== undefined && !Array.isArray(params)) throw new RequestError(400, "params must be an array");
  return { query, params: (params ?? []).map(paramToText), arrayMode: typeof arrayMode === "boolean" ? arrayMode : undefined };
}

function parsePayload(text: string): QueryData | QueryData[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RequestError(400, `could not parse the request body as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof json === "object" && json !== null && Array.isArray((json as { queries?: unknown }).queries)) {
    return (json as { queries: unknown[] }).queries.map(parseQuery);
  }
  return parseQuery(json);
}

/** The Postgres the connection string names, if it is the one this bridge may reach. */
function connectionConfig(connectionString: string | undefined, target: SqlTarget): pg.ClientConfig {
  if (!connectionString) throw new RequestError(400, "missing Neon-Connection-String header");
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new RequestError(400, "Neon-Connection-String is not a valid URL");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") throw new RequestError(400, "Neon-Connection-String must be a postgres:// URL");
  const port = url.port ? Number(url.port) : 5432;
  // Only the configured Postgres: the bridge must not become an open proxy.
  if (url.hostname.toLowerCase() !== target.host.toLowerCase() || port !== target.port) {
    throw new RequestError(403, `address not allowed: ${url.hostname}:${port}`);
  }
  return {
    host: target.host,
    port: target.port,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || undefined,
    application_name: url.searchParams.get("application_name") ?? undefined,
  };
}

function batchBegin(headers: Record<string, string | string[] | undefined>): { sql: string; echo: Record<string, string> } {
  const echo: Record<string, string> = {};
  const modes: string[] = [];
  const level = header(headers, "Neon-Batch-Isolation-Level");
  if (level !== undefined) {
    const sql = ISOLATION_LEVELS[level];
    if (!sql) throw new RequestError(400, "invalid isolation level");
    modes.push(`isolation level ${sql}`);
    echo["Neon-Batch-Isolation-Level"] = level;
  }
  if (header(headers, "Neon-Batch-Read-Only") === "true") {
    modes.push("read only");
    echo["Neon-Batch-Read-Only"] = "true";
  }
  if (header(headers, "Neon-Batch-Deferrable") === "true") {
    modes.push("deferrable");
    echo["Neon-Batch-Deferrable"] = "true";
  }
  return { sql: `start transaction${modes.length ? ` ${modes.join(", ")}` : ""}`, echo };
}

async function runQuery(client: pg.Client, data: QueryData, rawOutput: boolean, defaultArrayMode: boolean): Promise<Record<string, unknown>> {
  const arrayMode = data.arrayMode ?? defaultArrayMode;
  // queryMode "extended": Parse/Bind/Execute even without params, so "select 1; select 2" fails as it does on Neon.
  const config = { text: data.query, values: data.params, rowMode: "array", types: rawText, queryMode: "extended" } as pg.QueryArrayConfig;
  const result = await client.query(config);
  const fields = result.fields.map((f) => ({
    name: f.name,
    dataTypeID: f.dataTypeID,
    tableID: f.tableID,
    columnID: f.columnID,
    dataTypeSize: f.dataTypeSize,
    dataTypeModifier: f.dataTypeModifier,
    format: "text",
  }));
  const rows = (result.rows as (string | null)[][]).map((row) => {
    let values: unknown[] = row;
    if (!rawOutput) {
      try {
        values = row.map((v, i) => (v === null ? null : textToJson(v, fields[i]!.dataTypeID)));
      } catch {
        throw new RequestError(500, "could not parse postgres response");
      }
    }
    return arrayMode ? values : Object.fromEntries(fields.map((f, i) => [f.name, values[i]]));
  });
  return { rowAsArray: arrayMode, fields, rows, command: result.command ?? "", rowCount: result.rowCount ?? null };
}

/**
 * Asks Postgres to cancel what a session is running (the wire protocol's CancelRequest), as Neon's
 * proxy does when its client goes away: a statement waiting on a lock stops holding up others.
 */
function cancelRunning(target: SqlTarget, client: pg.Client): void {
  const { processID, secretKey } = client as unknown as { processID: number | null; secretKey: number | null };
  if (processID === null || secretKey === null) return;
  const request = Buffer.alloc(16);
  request.writeInt32BE(16, 0);
  request.writeInt32BE(80877102, 4);
  request.writeInt32BE(processID, 8);
  request.writeInt32BE(secretKey, 12);
  const socket = net.connect({ host: target.host, port: target.port }, () => socket.end(request));
  socket.on("error", () => undefined);
  // A frozen Postgres never closes it: do not keep the socket forever.
  socket.setTimeout(2000, () => socket.destroy());
}

interface Session {
  client: pg.Client;
  /** Gives the session back for reuse, or ends it (`discard`) when its state is in doubt. */
  release(discard: boolean): void;
}

/**
 * Postgres sessions for `/sql`, pooled per set of credentials as Neon's proxy pools them, so a
 * request costs a query, not a new backend (here ~30 ms each, ~0.3 s for 30 at once on a busy box).
 *
 * One exception keeps the fault suite's "unreachable database" honest: it freezes the postmaster
 * (SIGSTOP), after which new sessions hang but pooled ones would keep answering, unlike a frozen
 * Neon compute. While the local postmaster is stopped (found through its postmaster.pid and
 * /proc, when Postgres runs on this machine) every request opens a new session instead, which
 * hangs exactly as a WebSocket connection does.
 */
export class SqlSessions {
  private readonly pools = new Map<string, pg.Pool>();
  private readonly target: SqlTarget;
  private readonly connectTimeoutMs: number;
  private readonly poolSize: number;
  /** undefined: not looked up yet; null: unknown (not local, or not readable): no freeze check. */
  private dataDirectory: string | null | undefined;

  constructor(target: SqlTarget, opts: { connectTimeoutMs: number; poolSize: number }) {
    this.target = target;
    this.connectTimeoutMs = opts.connectTimeoutMs;
    this.poolSize = opts.poolSize;
  }

  async acquire(config: pg.ClientConfig): Promise<Session> {
    if (this.postmasterStopped()) return this.fresh(config);
    const key = JSON.stringify([config.user, config.password, config.database, config.application_name]);
    let pool = this.pools.get(key);
    if (!pool) {
      // Idle sessions are kept a minute, not pg-pool's default 10 s: at 20 orders/s the pool (last
      // in, first out) let its less used sessions expire and opened new ones in every burst, each a
      // new backend that compiles the checkout function again (npm run bench -- mixed: Postgres
      // went from 0.21–0.26 to 0.31–0.38 cores busy with 10 s).
      pool = new pg.Pool({ ...config, max: this.poolSize, idleTimeoutMillis: 60_000, connectionTimeoutMillis: this.connectTimeoutMs });
      pool.on("error", () => undefined); // an idle session dropped by a restarting Postgres: the pool forgets it
      this.pools.set(key, pool);
    }
    const client = await pool.connect();
    const ignore = () => undefined;
    client.on("error", ignore); // a session lost while checked out surfaces through its pending query
    if (this.dataDirectory === undefined) await this.lookUpDataDirectory(client);
    return {
      client,
      release: (discard) => {
        client.off("error", ignore);
        client.release(discard || undefined);
      },
    };
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  }

  private async fresh(config: pg.ClientConfig): Promise<Session> {
    const client = new pg.Client({ ...config, connectionTimeoutMillis: this.connectTimeoutMs });
    client.on("error", () => undefined);
    await client.connect();
    return { client, release: () => void client.end().catch(() => undefined) };
  }

  private async lookUpDataDirectory(client: pg.PoolClient): Promise<void> {
    try {
      const { rows } = await client.query<{ data_directory: string }>("show data_directory");
      const dir = rows[0]?.data_directory ?? null;
      this.dataDirectory = dir && fs.existsSync(path.join(dir, "postmaster.pid")) ? dir : null;
    } catch {
      this.dataDirectory = null;
    }
  }

  private postmasterStopped(): boolean {
    if (!this.dataDirectory) return false;
    try {
      const pid = Number(fs.readFileSync(path.join(this.dataDirectory, "postmaster.pid"), "utf8").split("\n")[0]);
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
      return state === "T" || state === "t";
    } catch {
      return false; // stopped for good (no pid file) or not Linux: nothing pooled would answer wrongly
    }
  }
}

/** False once a session sits inside a transaction (or is gone): it must not be reused. */
function idle(client: pg.Client | undefined): boolean {
  return (client as unknown as { getTransactionStatus(): string | null } | undefined)?.getTransactionStatus() === "I";
}

/** A request's session: released once (back to the pool or ended), cancelled if the caller goes away first. */
class RequestSession {
  session: Session | null = null;
  private released = false;
  private readonly target: SqlTarget;

  constructor(target: SqlTarget) {
    this.target = target;
  }

  release(discard: boolean): void {
    if (!this.session || this.released) return;
    this.released = true;
    this.session.release(discard);
  }

  /** The caller went away: cancel what runs and end the session. */
  drop(): void {
    // Once released, the session may already run another request's statement: leave it alone.
    if (!this.session || this.released) return;
    cancelRunning(this.target, this.session.client);
    // Ending a session with a batch open rolls it back.
    this.release(true);
  }
}

/** Runs one query, or a batch inside one transaction (rolled back when a statement fails), counting each statement sent. */
async function runPayload(client: pg.Client, payload: QueryData | QueryData[], begin: string | null, rawOutput: boolean, arrayMode: boolean, sent: { statements: number }): Promise<unknown> {
  if (!Array.isArray(payload)) {
    sent.statements++;
    return runQuery(client, payload, rawOutput, arrayMode);
  }
  sent.statements++;
  await client.query(begin!);
  const results: unknown[] = [];
  try {
    for (const query of payload) {
      sent.statements++;
      results.push(await runQuery(client, query, rawOutput, arrayMode));
    }
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    throw err;
  }
  sent.statements++;
  await client.query("commit");
  return { results };
}

/** Parses the request, takes a session and runs the payload; throws what executeSql turns into an error reply. */
async function answer(opts: Parameters<typeof executeSql>[0], held: RequestSession, sent: { statements: number }): Promise<SqlReply> {
  const config = connectionConfig(header(opts.headers, "Neon-Connection-String"), opts.target);
  const rawOutput = header(opts.headers, "Neon-Raw-Text-Output") === "true";
  const arrayMode = header(opts.headers, "Neon-Array-Mode") === "true";
  const payload = parsePayload(opts.body);
  const begin = Array.isArray(payload) ? batchBegin(opts.headers) : null;
  try {
    held.session = await opts.sessions.acquire(config);
  } catch (err) {
    if (err instanceof pg.DatabaseError) return { status: 400, body: errorBody(err.message, err), headers: {}, statements: sent.statements };
    // Neon answers 500 when it cannot reach the compute at all (ErrorKind::Compute).
    return { status: 500, body: errorBody(`Couldn't connect to compute node: ${err instanceof Error ? err.message : String(err)}`), headers: {}, statements: sent.statements };
  }
  if (opts.signal.aborted) {
    held.release(false);
    return { status: 499, body: errorBody("client went away"), headers: {}, statements: sent.statements };
  }
  const { client } = held.session;
  const body = await runPayload(client, payload, begin?.sql ?? null, rawOutput, arrayMode, sent);
  // Like Neon's check_idle: a session left inside a transaction (a lone BEGIN) is not reused.
  held.release(!idle(client));
  if (JSON.stringify(body).length > MAX_RESPONSE_BYTES) {
    return { status: 507, body: errorBody(`response is too large (max is ${MAX_RESPONSE_BYTES} bytes)`), headers: {}, statements: sent.statements };
  }
  return { status: 200, body, headers: begin?.echo ?? {}, statements: sent.statements };
}

/** The reply for what answer() threw: a bad request, a Postgres error, or a session lost mid-query. */
function failureReply(err: unknown, held: RequestSession, statements: number): SqlReply {
  if (err instanceof RequestError) return { status: err.status, body: errorBody(err.message), headers: {}, statements };
  if (err instanceof pg.DatabaseError) {
    held.release(!idle(held.session?.client));
    return { status: 400, body: errorBody(err.message, err), headers: {}, statements };
  }
  // A session lost mid-query: Neon answers 400 too (a Postgres error without a SQLSTATE).
  held.release(true);
  return { status: 400, body: errorBody(err instanceof Error ? err.message : String(err)), headers: {}, statements };
}

/** Executes one `POST /sql` request against the allowed Postgres. Never throws. */
export async function executeSql(opts: {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  target: SqlTarget;
  sessions: SqlSessions;
  /** Aborted when the caller went away: the running statement is cancelled and the session ended. */
  signal: AbortSignal;
}): Promise<SqlReply> {
  const sent = { statements: 0 };
  const held = new RequestSession(opts.target);
  const drop = () => held.drop();
  opts.signal.addEventListener("abort", drop, { once: true });
  try {
    return await answer(opts, held, sent);
  } catch (err) {
    return failureReply(err, held, sent.statements);
  } finally {
    opts.signal.removeEventListener("abort", drop);
    held.release(true); // whatever path left it checked out: not trusted for reuse
  }
}

// ---- Without `Neon-Raw-Text-Output: true` (never sent by the driver), Neon converts values to JSON ----

/** Array type oid → element type oid, for the element types converted below (others stay text). */
const ARRAY_ELEMENT: Record<number, number> = { 1000: 16, 1005: 21, 1007: 23, 1016: 20, 1021: 700, 1022: 701, 199: 114, 3807: 3802, 1009: 25, 1015: 1043, 1231: 1700, 1185: 1184, 1115: 1114, 1182: 1082, 2951: 2950 };

function textToJson(text: string, oid: number): unknown {
  const element = ARRAY_ELEMENT[oid];
  if (element !== undefined) return parsePgArray(text, (item) => textToJson(item, element));
  switch (oid) {
    case 16:
      return text === "t";
    case 21:
    case 23:
      return Number.parseInt(text, 10);
    case 700:
    case 701: {
      const n = Number(text);
      return Number.isFinite(n) ? n : text; // NaN and ±Infinity stay strings
    }
    case 114:
    case 3802:
      return JSON.parse(text);
    default:
      return text; // int8, numeric, timestamps…: text, as Neon sends them
  }
}

/** Postgres array output (`{1,NULL,"a \"b\""}`, nested) → JS array; bounds decoration is skipped. */
function parsePgArray(text: string, convert: (item: string) => unknown): unknown[] {
  let i = text.startsWith("[") ? text.indexOf("=") + 1 : 0;
  const parseLevel = (): unknown[] => {
    if (text[i] !== "{") throw new Error("unbalanced array");
    i++;
    const out: unknown[] = [];
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      if (text[i] === "{") out.push(parseLevel());
      else if (text[i] === '"') {
        let item = "";
        i++;
        while (text[i] !== '"') {
          if (text[i] === "\\") i++;
          if (i >= text.length) throw new Error("unbalanced quoted string");
          item += text[i++];
        }
        i++;
        out.push(convert(item));
      } else {
        let end = i;
        while (text[end] !== "," && text[end] !== "}") {
          if (end >= text.length) throw new Error("unbalanced array");
          end++;
        }
        const item = text.slice(i, end).trim();
        i = end;
        out.push(item === "NULL" ? null : convert(item));
      }
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] !== "}") throw new Error("unbalanced array");
      i++;
      return out;
    }
  };
  return parseLevel();
}
