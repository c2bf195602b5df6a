import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/api";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";

// search: 1–2 characters match the start of the name, 3 or more anywhere in it; case-insensitive;
// %, _ and \ are the characters themselves, never LIKE wildcards or escapes.

let categoryId: number;

beforeAll(async () => {
  const admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
  for (const name of [
    "Lamp Shade",
    "Blue Lamp",
    "la_mp Odd",
    "laXmp Decoy",
    "100% Cotton",
    "1000 Cotton Decoy",
    "%Percent First",
    "_Under First",
    "Back\\slash Item",
    "Backslash Decoy",
    "\\Root Item",
  ]) {
    await createProduct(admin.token, categoryId, { name });
  }
});

async function search(term: string): Promise<string[]> {
  const res = await api("GET", `/api/products?category=${categoryId}&ordering=name&page_size=100&search=${encodeURIComponent(term)}`);
  expect(res.status, term).toBe(200);
  expect(res.body.count, term).toBe(res.body.results.length);
  return res.body.results.map((p: { name: string }) => p.name).sort();
}

describe("short searches match the start of the name", () => {
  it.each([
    ["l", ["Lamp Shade", "la_mp Odd", "laXmp Decoy"]],
    ["La", ["Lamp Shade", "la_mp Odd", "laXmp Decoy"]],
    ["BL", ["Blue Lamp"]],
    [" la ", ["Lamp Shade", "la_mp Odd", "laXmp Decoy"]],
    ["mp", []],
    ["e", []],
  ])("search=%j", async (term, expected) => {
    expect(await search(term)).toEqual(expected.sort());
  });
});

describe("searches of three or more characters match anywhere in the name", () => {
  it.each([
    ["amp", ["Lamp Shade", "Blue Lamp"]],
    ["LAMP", ["Lamp Shade", "Blue Lamp"]],
    ["otton", ["100% Cotton", "1000 Cotton Decoy"]],
    ["decoy", ["1000 Cotton Decoy", "Backslash Decoy", "laXmp Decoy"]],
  ])("search=%j", async (term, expected) => {
    expect(await search(term)).toEqual(expected.sort());
  });
});

describe("%, _ and \\ are literal", () => {
  it.each([
    // As wildcards these would match every name (%), every name (_), or laXmp and Lamp too.
    ["%", ["%Percent First"]],
    ["_", ["_Under First"]],
    ["la_", ["la_mp Odd"]],
    ["0% c", ["100% Cotton"]],
    ["%c", []],
    // As an escape, k\s would match "ks" (Backslash Decoy); \ alone would match nothing or fail.
    ["k\\s", ["Back\\slash Item"]],
    ["\\", ["\\Root Item"]],
    ["\\r", ["\\Root Item"]],
  ])("search=%j", async (term, expected) => {
    expect(await search(term)).toEqual(expected.sort());
  });
});
