import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_TYPES_COMMAND, API_TYPES_FILE, generateApiTypes, servedOpenApiDocument } from "../../scripts/lib/api-types.ts";

// The storefront (web/) is typechecked against committed types; they must describe the API the
// Worker serves today, or a changed field would only show up as a broken page.
describe("the storefront's generated API types", () => {
  it("match the OpenAPI document the Worker serves", async () => {
    const expected = await generateApiTypes(await servedOpenApiDocument());
    const committed = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, "utf8") : "";
    const file = path.relative(process.cwd(), API_TYPES_FILE);
    if (committed === expected) return;
    const want = expected.split("\n");
    const have = committed.split("\n");
    const line = want.findIndex((text, i) => text !== have[i]);
    const at = line === -1 ? have.length : line;
    expect.fail(
      `${file} no longer matches GET /api/openapi.json: run \`${API_TYPES_COMMAND}\` and commit the result.\n` +
        `First difference at line ${at + 1}:\n  committed: ${have[at] ?? "(end of file)"}\n  generated: ${want[at] ?? "(end of file)"}`,
    );
  });
});
