// /docs: Scalar's API reference (self-hosted, see scripts/build-web.ts) over the document the Worker serves.
interface ScalarGlobal {
  createApiReference(selector: string, configuration: Record<string, unknown>): unknown;
}

const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
if (!scalar) throw new Error("Scalar's bundle did not load");

scalar.createApiReference("#reference", {
  url: "/api/openapi.json",
  // "Try it" sends requests from this page to this origin; no proxy, no other host.
  baseServerURL: window.location.origin,
  servers: [{ url: window.location.origin, description: "This server" }],
  proxyUrl: undefined,
  authentication: { preferredSecurityScheme: "bearerAuth" },
  persistAuth: false,
  // Nothing from another origin: no web fonts, no telemetry, no hosted client, no AI features.
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  mcp: { disabled: true },
  documentDownloadType: "json",
  defaultOpenAllTags: true,
  theme: "default",
  metaData: { title: "Edge Shop API reference" },
});
