// The redis scenario's model of what the Worker must answer: the entities it writes (one category,
// a few products, users that order them), every entity's committed states in order, the judge of
// one read against those states, and the resync from Postgres when a write's outcome is unknown.
import type pg from "pg";
import { Lock, now, withPg } from "../harness.ts";

/** What a read or a write shows of an entity: price and stock of a product, a category's description. */
export interface Values {
  price?: string;
  stock?: number;
  description?: string;
}

export interface State extends Values {
  /** When the write that produced this state was sent and when its answer arrived. */
  begin: number;
  end: number;
  via: string;
}

export interface Entity {
  key: string;
  id: number;
  kind: "product" | "category";
  states: State[];
  lock: Lock;
}

export interface Observation {
  entity: Entity;
  got: Values;
  start: number;
  end: number;
  route: string;
  xcache: string;
}

export interface Judged {
  verdict: "ok" | "stale" | "wrong";
  /** For stale: how long the newer value had been committed (write answered) when the read started. */
  staleByMs?: number;
  expected?: State;
}

/** Everything the load writes and reads, shared by the three ways. */
export interface Fixture {
  category: Entity;
  products: Entity[];
  byId: Map<number, Entity>;
  users: { token: string; product: Entity }[];
  /** The last price and description suffix sent, so every write sends a value never sent before. */
  counters: { price: number; description: number };
}

export function newEntity(kind: Entity["kind"], id: number, first: State): Entity {
  return { key: `${kind} ${id}`, id, kind, states: [first], lock: new Lock() };
}

export const last = (e: Entity): State => e.states[e.states.length - 1]!;

export const same = (e: Entity, s: State, got: Values): boolean =>
  e.kind === "product" ? s.price === got.price && s.stock === got.stock : s.description === got.description;

/**
 * Writes to one entity are serialised (Lock), so its states form a sequence. A read that started at
 * `start` and ended at `end` may return any state from the last one whose write had completed
 * before `start` up to the last one whose write had begun before `end`. Older: stale. None: wrong.
 */
export function judge(o: Observation): Judged {
  const states = o.entity.states;
  let k = 0;
  let m = 0;
  for (let i = 0; i < states.length; i++) {
    if (states[i]!.end <= o.start) k = i;
    if (states[i]!.begin <= o.end) m = i;
  }
  for (let j = k; j <= m; j++) if (same(o.entity, states[j]!, o.got)) return { verdict: "ok" };
  for (let j = k - 1; j >= 0; j--) {
    if (same(o.entity, states[j]!, o.got)) return { verdict: "stale", staleByMs: o.start - states[j + 1]!.end, expected: states[k] };
  }
  return { verdict: "wrong", expected: states[k] };
}

export const describeState = (e: Entity, s: Values | undefined): string =>
  !s ? "?" : e.kind === "product" ? `price ${s.price} stock ${s.stock}` : `description ${JSON.stringify(s.description)}`;

/** What Postgres holds for the entity now. */
async function truth(db: pg.Client, e: Entity): Promise<Values | undefined> {
  return e.kind === "product"
    ? (await db.query<{ price: string; stock: number }>("select price::text as price, stock from products where id = $1", [e.id])).rows[0]
    : (await db.query<{ description: string }>("select description from categories where id = $1", [e.id])).rows[0];
}

/** After a failed write the outcome is unknown: read the truth from Postgres, as a new state. */
export async function resync(databaseUrl: string, e: Entity, begin: number): Promise<void> {
  const row = await withPg(databaseUrl, (db) => truth(db, e));
  e.states.push({ ...(row as object), begin, end: now(), via: "resync" });
}

/** The model itself must agree with Postgres, or the verdicts on reads mean nothing: the entities that differ. */
export async function modelMismatches(databaseUrl: string, fx: Fixture, problem: (text: string) => void): Promise<number> {
  let mismatches = 0;
  await withPg(databaseUrl, async (db) => {
    for (const p of fx.products) {
      const row = await truth(db, p);
      if (row?.price !== last(p).price || row?.stock !== last(p).stock) {
        mismatches++;
        problem(`harness model of product ${p.id}: ${last(p).price}/${last(p).stock}, Postgres ${row?.price}/${row?.stock}`);
      }
    }
    const row = await truth(db, fx.category);
    if (row?.description !== last(fx.category).description) mismatches++;
  });
  return mismatches;
}
