import { html, raw } from "hono/html";

interface OperationLike {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface DocumentLike {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, OperationLike>>;
  components?: { schemas?: Record<string, unknown> };
}

const methods = ["get", "post", "put", "patch", "delete"];

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function operationBlock(path: string, method: string, op: OperationLike) {
  const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-");
  const body = op.requestBody?.content?.["application/json"]?.schema;
  return html`<details class="op" id="${id}" data-search="${`${method} ${path} ${op.summary ?? ""} ${(op.tags ?? []).join(" ")}`.toLowerCase()}">
    <summary><span class="method ${method}">${method.toUpperCase()}</span> <code class="path">${path}</code> <span class="summary">${op.summary ?? ""}</span>${op.security?.length ? html` <span class="lock" title="Needs a bearer token">🔒</span>` : ""}</summary>
    ${op.description ? html`<p>${op.description}</p>` : ""}
    ${op.parameters?.length
      ? html`<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>${op.parameters.map(
          (p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td><td><code>${JSON.stringify(p.schema ?? {})}</code></td><td>${p.description ?? ""}</td></tr>`,
        )}</table>`
      : ""}
    ${body ? html`<h4>Request body</h4><pre>${pretty(body)}</pre>` : ""}
    <h4>Responses</h4>
    <ul>${Object.entries(op.responses ?? {}).map(([status, r]) => {
      const content = r.content ? Object.entries(r.content)[0] : undefined;
      return html`<li><b>${status}</b> ${r.description ?? ""}${content ? html` <code>${content[0]}</code><pre>${pretty(content[1].schema)}</pre>` : ""}</li>`;
    })}</ul>
    <form class="try" data-method="${method.toUpperCase()}" data-path="${path}">
      <input name="url" value="${path}" aria-label="request path" />
      ${method === "get" || method === "delete" ? "" : html`<textarea name="body" rows="3" aria-label="JSON body">{}</textarea>`}
      <button type="submit">Send</button>
      <pre class="out"></pre>
    </form>
  </details>`;
}

/** A self-contained reference (no CDN): the Worker must serve its docs offline and under a strict CSP. */
export function renderDocsPage(openApiDocument: unknown) {
  const document = openApiDocument as DocumentLike;
  const ops: ReturnType<typeof operationBlock>[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const op = item[method];
      if (op) ops.push(operationBlock(path, method, op));
    }
  }
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${document.info.title} — API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:0 auto;padding:1rem 2rem;color:#1d2330}
h1{margin-bottom:0}.op{border:1px solid #d8dde6;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
.op summary{cursor:pointer}.method{display:inline-block;min-width:4.5em;font-weight:700;font-family:monospace}
.get{color:#0a7d32}.post{color:#1f5fbf}.patch{color:#a0650a}.delete{color:#b3261e}
pre{background:#f5f7fa;padding:.5rem;overflow:auto;max-height:22rem}table{border-collapse:collapse}td,th{border:1px solid #e1e5eb;padding:2px 6px;text-align:left}
#filter,#token{width:100%;padding:.4rem;margin:.3rem 0}.try input{width:60%}.try textarea{width:100%;font-family:monospace}
</style></head>
<body>
<h1>${document.info.title}</h1><p>Version ${document.info.version}. ${document.info.description ?? ""}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<input id="token" placeholder="Bearer access token for 🔒 endpoints (optional)" aria-label="access token" />
<input id="filter" placeholder="Filter endpoints…" aria-label="filter endpoints" />
<main id="operations">${ops}</main>
<script>${raw(`
document.getElementById('filter').addEventListener('input', function (e) {
  var q = e.target.value.toLowerCase();
  document.querySelectorAll('.op').forEach(function (el) { el.style.display = el.dataset.search.indexOf(q) >= 0 ? '' : 'none'; });
});
document.querySelectorAll('form.try').forEach(function (form) {
  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    var out = form.querySelector('.out');
    var headers = { 'content-type': 'application/json' };
    var token = document.getElementById('token').value.trim();
    if (token) headers.authorization = 'Bearer ' + token;
    var body = form.querySelector('textarea');
    try {
      var res = await fetch(form.url.value, { method: form.dataset.method, headers: headers, body: body ? body.value : undefined });
      out.textContent = res.status + ' ' + res.statusText + '\\n' + await res.text();
    } catch (err) { out.textContent = String(err); }
  });
});`)}</script>
</body></html>`;
}
