import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createApp, openApiInfo } from "../../src/app.ts";

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 according to a real validator", async () => {
    const document = createApp().getOpenAPI31Document(openApiInfo);
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });
});
