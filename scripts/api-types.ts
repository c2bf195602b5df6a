// npm run api:types — regenerates web/src/api/schema.d.ts from the OpenAPI document the Worker serves.
// test/node/api-types.test.ts fails (and says to run this) whenever the committed file is stale.
import fs from "node:fs";
import path from "node:path";
import { API_TYPES_FILE, generateApiTypes, servedOpenApiDocument } from "./lib/api-types.ts";

const text = await generateApiTypes(await servedOpenApiDocument());
const before = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, "utf8") : "";
fs.mkdirSync(path.dirname(API_TYPES_FILE), { recursive: true });
fs.writeFileSync(API_TYPES_FILE, text);
console.log(`${path.relative(process.cwd(), API_TYPES_FILE)}: ${before === text ? "unchanged" : "updated"} (${text.length.toLocaleString()} characters)`);
