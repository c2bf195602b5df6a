// The storefront's variant picker (web/src/views/catalog/variant-picker.tsx) asks these functions
// which variant each option value leads to; the e2e test covers one option in the browser, these
// the combinations of several.
import { describe, expect, it } from "vitest";
import { firstVariant, optionText, stockText, variantFor } from "../../web/src/variant-choice.ts";

const v = (sku: string, options: Record<string, string>, stock: number) => ({ sku, options, stock, in_stock: stock > 0 });

describe("choosing a variant by its option values", () => {
  const sizes = [v("S", { Size: "S" }, 5), v("M", { Size: "M" }, 0), v("L", { Size: "L" }, 3)];

  it("leads each value of a single option to its own variant, a sold-out one included (shown, not pickable)", () => {
    expect(["S", "M", "L"].map((size) => variantFor(sizes, { Size: "S" }, "Size", size)?.sku)).toEqual(["S", "M", "L"]);
    expect(variantFor(sizes, { Size: "S" }, "Size", "M")?.in_stock).toBe(false);
    expect(variantFor(sizes, { Size: "S" }, "Size", "XL")).toBeUndefined();
  });

  it("starts on the first variant in stock, or the first when all are sold out", () => {
    expect(firstVariant([v("A", {}, 0), v("B", {}, 2)])?.sku).toBe("B");
    expect(firstVariant([v("A", {}, 0), v("B", {}, 0)])?.sku).toBe("A");
    expect(firstVariant([])).toBeUndefined();
  });

  describe("with two options", () => {
    // Red comes in S and L (L sold out); Blue in S, M and L.
    const shirts = [
      v("RED-S", { Colour: "Red", Size: "S" }, 4),
      v("RED-L", { Colour: "Red", Size: "L" }, 0),
      v("BLUE-S", { Colour: "Blue", Size: "S" }, 1),
      v("BLUE-M", { Colour: "Blue", Size: "M" }, 6),
      v("BLUE-L", { Colour: "Blue", Size: "L" }, 2),
    ];
    const red = { Colour: "Red", Size: "S" };

    it("keeps the other choices when that combination is in stock", () => {
      expect(variantFor(shirts, red, "Colour", "Blue")?.sku).toBe("BLUE-S");
      expect(variantFor(shirts, { Colour: "Blue", Size: "L" }, "Size", "M")?.sku).toBe("BLUE-M");
    });

    it("moves the other options to an in-stock variant when the combination is missing or sold out", () => {
      expect(variantFor(shirts, red, "Size", "M")?.sku).toBe("BLUE-M"); // no red M
      expect(variantFor(shirts, red, "Size", "L")?.sku).toBe("BLUE-L"); // red L sold out
    });

    it("names the sold-out combination when no variant with that value is in stock", () => {
      const soldOutL = shirts.map((s) => (s.options.Size === "L" ? { ...s, stock: 0, in_stock: false } : s));
      expect(variantFor(soldOutL, red, "Size", "L")).toMatchObject({ sku: "RED-L", in_stock: false });
      expect(variantFor(soldOutL, { Colour: "Blue", Size: "M" }, "Size", "L")).toMatchObject({ sku: "BLUE-L", in_stock: false });
    });
  });

  it("words the option values and the stock as the pages show them", () => {
    expect(optionText({ Colour: "Red", Size: "S" })).toBe("Colour: Red · Size: S");
    expect(optionText({})).toBe("");
    expect([stockText(0, false), stockText(3, true), stockText(10, true)]).toEqual(["Out of stock", "Only 3 left", "In stock"]);
  });
});
