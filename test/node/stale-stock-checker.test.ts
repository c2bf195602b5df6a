// The mixed benchmark's stale-stock checker (lab/bench/mixed.ts) must flag what it claims to:
// a read sent after an order's 201 arrived that still shows the stock before it, and a read that
// shows an order sent only after its answer arrived; and nothing in between.
import { describe, expect, it } from "vitest";
import { checkProduct, Ledger, RowStats, type Fixture } from "../../lab/bench/mixed.ts";

// Product 1: one variant (id 1, 100 units). Product 2: variants 21 and 22 (50 units each).
const fixture: Fixture = {
  pages: [{ category: 9, products: [1, 2] }],
  products: [
    { id: 1, variants: [1] },
    { id: 2, variants: [21, 22] },
  ],
  variantProduct: new Map([
    [1, 1],
    [21, 2],
    [22, 2],
  ]),
};

function ledger(): Ledger {
  const l = new Ledger(
    new Map([
      [1, 100],
      [21, 50],
      [22, 50],
    ]),
    fixture,
  );
  // One order of variant 1: sent at t=10, its 201 arrived at t=20. One of variant 22: sent at 30, 201 at 40.
  l.variants.get(1)!.sent.push(10);
  l.variants.get(1)!.done.push(20);
  l.variants.get(22)!.sent.push(30);
  l.variants.get(22)!.done.push(40);
  return l;
}

const plain = (stock: number) => ({ id: 1, stock, in_stock: stock > 0, variants: [{ id: 1, stock, in_stock: stock > 0 }] });
const sized = (a: number, b: number) => ({ id: 2, stock: a + b, in_stock: true, variants: [{ id: 21, stock: a, in_stock: true }, { id: 22, stock: b, in_stock: true }] });

describe("stale-stock checker", () => {
  it("flags a read sent after the order's 201 that shows the stock before it", () => {
    const r = checkProduct(ledger(), new RowStats(), "t", plain(100), 21, 25);
    expect(r).toEqual({ stale: 2, low: 0 }); // the product's stock and its variant's
  });

  it("accepts either stock while the order's answer is on its way", () => {
    for (const shown of [100, 99]) expect(checkProduct(ledger(), new RowStats(), "t", plain(shown), 15, 25)).toEqual({ stale: 0, low: 0 });
  });

  it("flags a read that shows an order sent only after its answer arrived", () => {
    expect(checkProduct(ledger(), new RowStats(), "t", plain(99), 2, 5)).toEqual({ stale: 0, low: 2 });
  });

  it("checks a product with variants by the sum and each variant", () => {
    expect(checkProduct(ledger(), new RowStats(), "t", sized(50, 49), 45, 50)).toEqual({ stale: 0, low: 0 });
    expect(checkProduct(ledger(), new RowStats(), "t", sized(50, 50), 45, 50)).toEqual({ stale: 2, low: 0 });
  });

  it("takes nothing for an order answered 4xx", () => {
    const l = ledger();
    l.variants.get(21)!.sent.push(60);
    l.variants.get(21)!.refusedSent.push(60);
    expect(checkProduct(l, new RowStats(), "t", sized(49, 49), 70, 80)).toEqual({ stale: 0, low: 2 });
  });
});
