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

/** Executes one `POST /sql` request against the allowed Postgres. Never throws. */
export async function executeSql(opts: {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  target: SqlTarget;
  connectTimeoutMs: number;
  /** Aborted when the caller went away: the session is dropped (Postgres rolls back what it held). */
  signal: AbortSignal;
}): Promise<SqlReply> {
  let statements = 0;
  let client: pg.Client | null = null;
  const drop = () => void client?.end().catch(() => undefined);
  opts.signal.addEventListener("abort", drop, { once: true });
  try {
    const config = connectionConfig(header(opts.headers, "Neon-Connection-String"), opts.target);
    const rawOutput = header(opts.headers, "Neon-Raw-Text-Output") === "true";
    const arrayMode = header(opts.headers, "Neon-Array-Mode") === "true";
    const payload = parsePayload(opts.body);
    const begin = Array.isArray(payload) ? batchBegin(opts.headers) : null;
    client = new pg.Client({ ...config, connectionTimeoutMillis: opts.connectTimeoutMs });
    client.on("error", () => undefined); // a dropped session surfaces through the pending query
    try {
      await client.connect();
    } catch (err) {
      if (err instanceof pg.DatabaseError) return { status: 400, body: errorBody(err.message, err), headers: {}, statements };
      // Neon answers 500 when it cannot reach the compute at all (ErrorKind::Compute).
      return { status: 500, body: errorBody(`Couldn't connect to compute node: ${err instanceof Error ? err.message : String(err)}`), headers: {}, statements };
    }
    if (opts.signal.aborted) return { status: 499, body: errorBody("client went away"), headers: {}, statements };
    let body: unknown;
    if (!Array.isArray(payload)) {
      statements++;
      body = await runQuery(client, payload, rawOutput, arrayMode);
    } else {
      statements++;
      await client.query(begin!.sql);
      const results: unknown[] = [];
      try {
        for (const query of payload) {
          statements++;
          results.push(await runQuery(client, query, rawOutput, arrayMode));
        }
      } catch (err) {
        await client.query("rollback").catch(() => undefined);
        throw err;
      }
      statements++;
      await client.query("commit");
      body = { results };
    }
    if (JSON.stringify(body).length > MAX_RESPONSE_BYTES) {
      return { status: 507, body: errorBody(`response is too large (max is ${MAX_RESPONSE_BYTES} bytes)`), headers: {}, statements };
    }
    return { status: 200, body, headers: begin?.echo ?? {}, statements };
  } catch (err) {
    if (err instanceof RequestError) return { status: err.status, body: errorBody(err.message), headers: {}, statements };
    if (err instanceof pg.DatabaseError) return { status: 400, body: errorBody(err.message, err), headers: {}, statements };
    // A session lost mid-query: Neon answers 400 too (a Postgres error without a SQLSTATE).
    return { status: 400, body: errorBody(err instanceof Error ? err.message : String(err)), headers: {}, statements };
  } finally {
    opts.signal.removeEventListener("abort", drop);
    await client?.end().catch(() => undefined);
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
