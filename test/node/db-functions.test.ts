// The SQL functions' source is src/db/functions/<name>.sql (one CREATE OR REPLACE FUNCTION per file);
// the newest drizzle/NNNN_functions.sql is generated from them by `npm run db:functions`. These tests
// prove the database the migrations build runs exactly what the files say, and that the newest
// functions migration is what the script would write now.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { functionFiles, functionsMigration, latestFunctionsMigration } from "../../scripts/db-functions.ts";
import { centsToMoney, MAX_MONEY_CENTS } from "../../src/lib/money.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const functionsDir = path.join(root, "src/db/functions");

interface FunctionFile {
  file: string;
  name: string;
  text: string;
  body: string;
}

/** The file's one CREATE statement: the function's name and the body between its dollar quotes. */
function parseFunctionFile(file: string): FunctionFile {
  const text = fs.readFileSync(path.join(functionsDir, file), "utf8");
  const creates = [...text.matchAll(/^CREATE OR REPLACE FUNCTION\s+(?:public\.)?([a-z_][a-z0-9_]*)\s*\(/gim)];
  if (creates.length !== 1) throw new Error(`${file}: expected one CREATE OR REPLACE FUNCTION, found ${creates.length}`);
  const name = creates[0]![1]!;
  const quoted = /\bAS\s+(\$[a-z_]*\$)([\s\S]*?)\1/i.exec(text.slice(creates[0]!.index));
  if (!quoted) throw new Error(`${file}: no dollar-quoted body after AS`);
  return { file, name, text, body: quoted[2]! };
}

/** Whitespace is not meaning: runs of it become one space, and none at the ends. */
const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** Everything in a file that is not a `--` comment line (the doc above the function). */
const withoutCommentLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n");

interface DbFunction {
  name: string;
  signature: string;
  definition: string;
  body: string;
}

let client: pg.Client;
let installed: DbFunction[];
let files: FunctionFile[];

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  const { rows } = await client.query<DbFunction>(
    `select p.proname as name, p.oid::regprocedure::text as signature,
            pg_get_functiondef(p.oid) as definition, p.prosrc as body
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname like 'shop\\_%'
      order by p.proname, p.oid`,
  );
  installed = rows;
  files = functionFiles().map(parseFunctionFile);
});

afterAll(async () => {
  await client?.end();
});

/**
 * pg_get_functiondef of the file's text compiled in a scratch schema (rolled back), with that
 * schema's name taken out: how Postgres itself writes the function the file declares, so types,
 * defaults and attributes compare as Postgres normalises them rather than as they were typed.
 */
async function definitionOfFile(file: FunctionFile): Promise<string> {
  const schema = "shop_drift_check";
  await client.query("begin");
  try {
    await client.query(`create schema ${schema}`);
    await client.query(`set local search_path = ${schema}, public`);
    await client.query("set local check_function_bodies = off");
    await client.query(file.text);
    const { rows } = await client.query<{ definition: string }>(
      `select pg_get_functiondef(p.oid) as definition
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = $1 and p.proname = $2`,
      [schema, file.name],
    );
    if (rows.length !== 1) throw new Error(`${file.file}: compiling it made ${rows.length} functions named ${file.name}`);
    return rows[0]!.definition.replace(`FUNCTION ${schema}.`, "FUNCTION public.");
  } finally {
    await client.query("rollback");
  }
}

describe("database functions (src/db/functions/*.sql)", () => {
  it("names each file after the one function it creates", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(`${f.name}.sql`, f.file).toBe(f.file);
  });

  it("has a file for every shop_* function in the migrated database, and a function for every file", () => {
    const inDatabase = [...new Set(installed.map((f) => f.name))].sort();
    const inFiles = files.map((f) => f.name).sort();
    expect(inDatabase.filter((n) => !inFiles.includes(n)), "functions in the database with no file in src/db/functions/").toEqual([]);
    expect(inFiles.filter((n) => !inDatabase.includes(n)), "files in src/db/functions/ whose function the migrations never create").toEqual([]);
  });

  it("has one signature per function (a changed argument list must drop the old one in a migration)", () => {
    const signatures = installed.map((f) => f.signature);
    const names = installed.map((f) => f.name);
    const overloaded = signatures.filter((_, i) => names.indexOf(names[i]!) !== i);
    expect(overloaded, "older signatures still installed next to the file's").toEqual([]);
  });

  it("runs exactly the body each file says", () => {
    for (const f of files) {
      const db = installed.find((d) => d.name === f.name);
      if (!db) continue; // reported by the test above
      expect(normalise(db.body), `${f.file}: the body in the database differs from the file; run npm run db:functions and migrate`).toBe(
        normalise(f.body),
      );
    }
  });

  it("has the signature, return type and attributes each file declares", async () => {
    for (const f of files) {
      const db = installed.find((d) => d.name === f.name);
      if (!db) continue;
      expect(normalise(db.definition), `${f.file}: pg_get_functiondef differs from the file's CREATE statement`).toBe(
        normalise(await definitionOfFile(f)),
      );
    }
  });

  it("carries a doc comment above each function", () => {
    for (const f of files) expect(f.text.trimStart().startsWith("--"), `${f.file} starts with a -- comment saying what it does and why`).toBe(true);
  });
});

describe("the generated migration (npm run db:functions)", () => {
  const latest = latestFunctionsMigration();

  it(`drizzle/${latest}.sql, the newest functions migration, is what the script writes from the files now`, () => {
    const committed = fs.readFileSync(path.join(root, "drizzle", `${latest}.sql`), "utf8");
    expect(committed === functionsMigration(), `drizzle/${latest}.sql is stale: run npm run db:functions`).toBe(true);
  });
});

describe("constants SQL and TypeScript share", () => {
  it("the money cap: shop_max_money() is MAX_MONEY_CENTS (src/lib/money.ts)", async () => {
    const { rows } = await client.query<{ max: string }>("select shop_max_money()::text as max");
    expect(rows[0]!.max).toBe(centsToMoney(MAX_MONEY_CENTS));
  });

  it("the notification lock key is 7301, the one every writer of notifications takes", async () => {
    const { rows } = await client.query<{ key: number }>("select shop_notification_lock_key() as key");
    expect(rows[0]!.key).toBe(7301);
  });

  it("no other function file writes the lock key or the money cap as a literal", () => {
    const literals = [
      { literal: /\b7301\b/, owner: "shop_notification_lock_key.sql" },
      { literal: /9999999999\.99/, owner: "shop_max_money.sql" },
    ];
    for (const f of files) {
      for (const { literal, owner } of literals) {
        if (f.file === owner) continue;
        expect(literal.test(withoutCommentLines(f.text)), `${f.file} writes ${literal.source}: call the function in ${owner}`).toBe(false);
      }
    }
  });
});
