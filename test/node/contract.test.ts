// src/shared/contract.ts is the one place the Worker and the storefront read statuses, moves and close
// codes from; the database's enums are the third party to the agreement.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { ORDER_STATUSES, PAYMENT_STATUSES, STATUS_RANK, TRANSITIONS } from "../../src/shared/contract.ts";

async function enumValues(name: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  try {
    const { rows } = await client.query<{ values: string[] }>(`select enum_range(null::${name})::text[] as values`);
    return rows[0]!.values;
  } finally {
    await client.end();
  }
}

describe("the shared contract (src/shared/contract.ts)", () => {
  it("lists the order statuses the database's order_status enum holds, in its order", async () => {
    expect(await enumValues("order_status")).toEqual([...ORDER_STATUSES]);
  });

  it("lists the payment statuses the database's payment_status enum holds, in its order", async () => {
    expect(await enumValues("payment_status")).toEqual([...PAYMENT_STATUSES]);
  });

  it("only ever moves an order forward, so out-of-order pushes can be ranked", () => {
    for (const from of ORDER_STATUSES) {
      for (const to of TRANSITIONS[from]) expect(STATUS_RANK[to], `${from} → ${to}`).toBeGreaterThan(STATUS_RANK[from]);
    }
    expect(TRANSITIONS.delivered).toEqual([]);
    expect(TRANSITIONS.cancelled).toEqual([]);
  });
});
