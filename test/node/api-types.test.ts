import { describe, it } from "vitest";
import { API_TYPES_COMMAND, API_TYPES_FILE, generateApiTypes, servedOpenApiDocument } from "../../scripts/lib/api-types.ts";
import { expectGeneratedUpToDate } from "./support/generated.ts";

// The storefront (web/) is typechecked against committed types; they must describe the API the
// Worker serves today, or a changed field would only show up as a broken page.
describe("the storefront's generated API types", () => {
  it("match the OpenAPI document the Worker serves", async () => {
    expectGeneratedUpToDate(API_TYPES_FILE, await generateApiTypes(await servedOpenApiDocument()), "GET /api/openapi.json", API_TYPES_COMMAND);
  });
});
