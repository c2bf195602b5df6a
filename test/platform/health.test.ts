import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("GET /health", () => {
  it("reports db and cache ok when both answer", async () => {
    const res = await SELF.fetch("http://shop.test/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok", cache: "ok" });
  });
});
