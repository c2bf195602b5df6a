import fs from "node:fs"; import path from "node:path";
import { startWorkerd } from "./lib/workerd.ts";
import { readWranglerToml } from "./lib/wrangler-toml.ts";
import { runLoad, readProc } from "./lib/load.ts";
const dir = "/tmp/rt-floor";
fs.writeFileSync(path.join(dir, "wrangler.toml"), `name="floor"\nmain="index.ts"\ncompatibility_date="2026-08-01"\ncompatibility_flags=["nodejs_compat"]\n`);
const variants: Record<string,string> = {
  bare: `export default { fetch() { return new Response(null, { status: 404 }); } };`,
  problem: `export default { fetch(req) { const u = new URL(req.url); return new Response(JSON.stringify({type:"urn:problem:not-found",title:"Not Found",status:404,detail:"No route for GET "+u.pathname+"."}), { status: 404, headers: { "content-type": "application/problem+json", "x-request-id": crypto.randomUUID(), "access-control-allow-origin": "*", "x-content-type-options": "nosniff", "x-frame-options": "SAMEORIGIN", "referrer-policy": "no-referrer", "strict-transport-security": "max-age=15552000; includeSubDomains", "cross-origin-opener-policy": "same-origin", "cross-origin-resource-policy": "same-origin", "x-xss-protection": "0", "origin-agent-cluster": "?1", "x-dns-prefetch-control": "off", "x-download-options": "noopen", "x-permitted-cross-domain-policies": "none" } }); } };`,
  fetchlocal: `export default { async fetch(req, env) { const r = await fetch("http://127.0.0.1:" + env.P + "/"); const t = await r.text(); return new Response(t); } };`,
};
import http from "node:http";
const srv = http.createServer((q, s) => { s.end("[\"b2s=\",\"b2s=\"]"); });
await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
const P = (srv.address() as any).port;
for (const [name, code] of Object.entries(variants)) {
  fs.mkdirSync(path.join(dir, "dist"), { recursive: true });
  fs.writeFileSync(path.join(dir, "dist", "index.js"), code);
  const w = await startWorkerd({ config: readWranglerToml(path.join(dir, "wrangler.toml")), bundleDir: path.join(dir, "dist"), bindings: { P: String(P) }, port: 0, stateDir: path.join(dir, "s"), runDir: path.join(dir, "run"), processGroup: true });
  const req = { path: "/x", check: () => true };
  await runLoad(w.url, req, 1.5, 10);
  const threads = () => Object.fromEntries(fs.readdirSync(`/proc/${w.process.pid}/task`).map((t) => { const st = fs.readFileSync(`/proc/${w.process.pid}/task/${t}/stat`, "utf8"); const f = st.slice(st.lastIndexOf(")") + 2).split(" "); return [t + ":" + st.slice(st.indexOf("(") + 1, st.lastIndexOf(")")), (Number(f[11]) + Number(f[12])) * 10]; }));
  const t0 = threads();
  const c0 = readProc(w.process.pid!)!.cpuMs;
  const l = await runLoad(w.url, req, Number(process.argv[2] ?? 5), 10);
  const c1 = readProc(w.process.pid!)!.cpuMs;
  const t1 = threads();
  console.log(Object.entries(t1).map(([k, v]) => `${k}=${((v - (t0[k] ?? 0)) / l.requests).toFixed(3)}`).filter((x) => !x.endsWith("=0.000")).join(" "));
  console.log(name, ((c1 - c0) / l.requests).toFixed(3), "ms/req", Math.round(l.requests / l.seconds), "req/s");
  await w.stop();
}
srv.close();
