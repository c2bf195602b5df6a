// The neon bridge's `POST /sql`, driven by the real `neon()` of @neondatabase/serverless against the
// test Postgres: what the Worker's HTTP data path will see locally.
import { neon, neonConfig, NeonDbError } from "@neondatabase/serverless";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startNeonBridge, type NeonBridge } from "../../scripts/bridges/neon-bridge.ts";
import { freePort } from "../../scripts/lib/ports.ts";

const postgresUrl = inject("postgresUrl");
const pgAddress = new URL(postgresUrl);
const tag = `nh_${Math.random().toString(36).slice(2, 8)}`;
const parents = `${tag}_parents`;
const children = `${tag}_children`;
const failing = `${tag}_fail`;

/** The error a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<NeonDbError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(NeonDbError);
    return err as NeonDbError;
  }
  throw new Error("expected the query to fail");
}

describe("Neon bridge POST /sql, driven by neon()", () => {
  let bridge: NeonBridge;
  const sql = neon(postgresUrl);

  beforeAll(async () => {
    bridge = await startNeonBridge({ postgresHost: pgAddress.hostname, postgresPort: Number(pgAddress.port) });
    // What the Worker sets locally: every neon() request goes to the bridge, whatever the host.
    neonConfig.fetchEndpoint = () => bridge.sqlUrl;
    // Setup through plain pg, not the code under test.
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create table ${parents} (id int primary key, email text not null constraint ${parents}_email_key unique)`);
    await admin.query(`create table ${children} (id serial primary key, parent_id int not null constraint ${children}_parent_fk references ${parents}(id), note text)`);
    await admin.query(
      `create function ${failing}(available int) returns void language plpgsql as $$
       begin raise exception 'not enough stock' using errcode = 'ES409', detail = format('available: %s', available), hint = 'order less'; end $$`,
    );
    await admin.end();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop table if exists ${children}; drop table if exists ${parents}; drop function if exists ${failing}(int)`);
    await admin.end();
    await bridge.close();
  });

  it("returns numeric and int8 as strings, timestamptz as Date, jsonb, arrays, null and bool parsed", async () => {
    const [row] = await sql`select 1234567890.05::numeric(12,2) as price, 9007199254740993::int8 as big, 42::int4 as small,
      '2026-11-25T10:20:30.456Z'::timestamptz as at, '{"a":[1,"x"],"b":null}'::jsonb as doc,
      array[1,2,null]::int[] as ints, array['a','b c','"q"',null]::text[] as texts,
      null::text as nothing, true as yes, false as no, 'héllo ✓'::text as unicode`;
    expect(row).toEqual({
      price: "1234567890.05",
      big: "9007199254740993",
      small: 42,
      at: new Date("2026-11-25T10:20:30.456Z"),
      doc: { a: [1, "x"], b: null },
      ints: [1, 2, null],
      texts: ["a", "b c", '"q"', null],
      nothing: null,
      yes: true,
      no: false,
      unicode: "héllo ✓",
    });
  });

  it("sends parameters of every kind the driver encodes", async () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const rows = await sql.query(
      "select $1::numeric as n, $2::int8 as big, $3::timestamptz as at, $4::jsonb as doc, $5::int[] as ints, $6::text[] as texts, $7::text as nothing, $8::bool as yes, $9::bytea as bytes",
      ["12.34", 9007199254740993n, at, { k: ["v", 1] }, [3, 4], ["x", "y,z", 'q"uote'], null, true, Buffer.from([0, 1, 255])],
    );
    expect(rows).toEqual([
      { n: "12.34", big: "9007199254740993", at, doc: { k: ["v", 1] }, ints: [3, 4], texts: ["x", "y,z", 'q"uote'], nothing: null, yes: true, bytes: Buffer.from([0, 1, 255]) },
    ]);
  });

  it("gives full results (fields with type ids, command, rowCount) and rows as arrays on request", async () => {
    const full = await sql.query(`insert into ${parents} (id, email) values (1, 'a@x'), (2, 'b@x') returning id, email`, [], { fullResults: true });
    expect(full.command).toBe("INSERT");
    expect(full.rowCount).toBe(2);
    expect(full.fields.map((f) => [f.name, f.dataTypeID])).toEqual([
      ["id", 23],
      ["email", 25],
    ]);
    expect(full.rows).toEqual([
      { id: 1, email: "a@x" },
      { id: 2, email: "b@x" },
    ]);
    const arrays = await sql.query(`select id, email from ${parents} where id <= 2 order by id`, [], { arrayMode: true });
    expect(arrays).toEqual([
      [1, "a@x"],
      [2, "b@x"],
    ]);
    const update = await sql.query(`update ${parents} set email = email where id = 99`, [], { fullResults: true });
    expect([update.command, update.rowCount, update.rows]).toEqual(["UPDATE", 0, []]);
  });

  it("runs transaction([...]) as one request, one result per statement", async () => {
    const before = bridge.counts();
    const [inserted, counted, listed] = await sql.transaction([
      sql`insert into ${sql.unsafe(parents)} (id, email) values (10, 'ten@x') returning id`,
      sql`select count(*)::int as n from ${sql.unsafe(parents)} where id = 10`,
      sql`select id, email from ${sql.unsafe(parents)} where id = 10`,
    ]);
    expect(inserted).toEqual([{ id: 10 }]);
    expect(counted).toEqual([{ n: 1 }]);
    expect(listed).toEqual([{ id: 10, email: "ten@x" }]);
    const after = bridge.counts();
    expect(after.sqlRequests - before.sqlRequests).toBe(1);
    expect(after.sqlStatements - before.sqlStatements).toBe(5); // begin, 3 statements, commit
  });

  it("rolls the whole batch back when a later statement fails", async () => {
    const err = await rejection(
      sql.transaction([
        sql`insert into ${sql.unsafe(parents)} (id, email) values (20, 'twenty@x')`,
        sql`insert into ${sql.unsafe(parents)} (id, email) values (21, 'a@x')`, // email taken
      ]),
    );
    expect(err.code).toBe("23505");
    expect(await sql`select id from ${sql.unsafe(parents)} where id in (20, 21)`).toEqual([]);
  });

  it("applies the batch's isolation level, read-only and deferrable", async () => {
    const show = () => [sql`show transaction_isolation`, sql`show transaction_read_only`, sql`show transaction_deferrable`];
    const plain = await sql.transaction(show());
    expect(plain).toEqual([[{ transaction_isolation: "read committed" }], [{ transaction_read_only: "off" }], [{ transaction_deferrable: "off" }]]);
    const strict = await sql.transaction(show(), { isolationLevel: "Serializable", readOnly: true, deferrable: true });
    expect(strict).toEqual([[{ transaction_isolation: "serializable" }], [{ transaction_read_only: "on" }], [{ transaction_deferrable: "on" }]]);
    const repeatable = await sql.transaction(show(), { isolationLevel: "RepeatableRead" });
    expect(repeatable[0]).toEqual([{ transaction_isolation: "repeatable read" }]);
    const err = await rejection(sql.transaction([sql`insert into ${sql.unsafe(parents)} (id, email) values (30, 'r@x')`], { readOnly: true }));
    expect(err.code).toBe("25006"); // read_only_sql_transaction
  });

  it("returns a syntax error with its code and position", async () => {
    const err = await rejection(sql.query("select 1 frm frm"));
    expect(err.code).toBe("42601");
    expect(err.message).toMatch(/syntax error/);
    expect(err.position).toBe("14"); // the second frm
    expect(err.severity).toBe("ERROR");
  });

  it("refuses several statements in one query string, as Neon does", async () => {
    const err = await rejection(sql.query("select 1; select 2"));
    expect(err.code).toBe("42601");
    expect(err.message).toMatch(/multiple commands/);
  });

  it("returns a unique violation with code, constraint, table and detail", async () => {
    const err = await rejection(sql.query(`insert into ${parents} (id, email) values (40, 'a@x')`));
    expect(err.code).toBe("23505");
    expect(err.constraint).toBe(`${parents}_email_key`);
    expect(err.table).toBe(parents);
    expect(err.detail).toBe("Key (email)=(a@x) already exists.");
  });

  it("returns a foreign-key violation with code, constraint and detail", async () => {
    const err = await rejection(sql.query(`insert into ${children} (parent_id) values ($1)`, [777]));
    expect(err.code).toBe("23503");
    expect(err.constraint).toBe(`${children}_parent_fk`);
    expect(err.detail).toBe(`Key (parent_id)=(777) is not present in table "${parents}".`);
  });

  it("returns an exception raised in plpgsql with its custom SQLSTATE, detail and hint", async () => {
    const err = await rejection(sql.query(`select ${failing}($1)`, [2]));
    expect(err.code).toBe("ES409");
    expect(err.message).toBe("not enough stock");
    expect(err.detail).toBe("available: 2");
    expect(err.hint).toBe("order less");
    expect(err.where).toMatch(/PL\/pgSQL function/);
  });

  it("refuses any Postgres but the configured one", async () => {
    const elsewhere = neon(`postgres://postgres:password@${pgAddress.hostname}:1/shop`);
    const err = await rejection(elsewhere`select 1`);
    expect(err.message).toMatch(/HTTP status 403/);
    expect(err.code).toBeUndefined();
    const otherHost = neon(`postgres://postgres:password@10.1.2.3:${pgAddress.port}/shop`);
    await expect(otherHost`select 1`).rejects.toThrow(/HTTP status 403/);
    expect((await fetch(bridge.sqlUrl, { method: "POST", body: '{"query":"select 1"}' })).status).toBe(400); // no connection string
  });

  it("answers at once with a 500 when Postgres is unreachable", async () => {
    const port = await freePort();
    const dead = await startNeonBridge({ postgresHost: "127.0.0.1", postgresPort: port });
    try {
      neonConfig.fetchEndpoint = () => dead.sqlUrl;
      const err = await rejection(neon(`postgres://postgres:password@127.0.0.1:${port}/shop`)`select 1`);
      expect(err.message).toMatch(/HTTP status 500.*connect/);
    } finally {
      neonConfig.fetchEndpoint = () => bridge.sqlUrl;
      await dead.close();
    }
  });
});
