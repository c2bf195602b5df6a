// `npm run dev` / `npm run serve` as a user meets them, and the demo admin (docs/design/local-stack.md). Each
// start-up failure is one line of the script's own words, exit code 1, and nothing left running;
// a good start prints the banner and Ctrl-C stops everything. The scripts run from a copy of this
// checkout (own .data/, .dev.vars, .wrangler/) against the test run's own Postgres and Redis.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/lib/ports.ts";
import { cleanEnv, makeCheckout, processesInGroup, processesUnder, runScript, type Run } from "./support/checkout.ts";

const base = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-startup-"));
const checkout = path.join(base, "shop");
const runs: Run[] = [];

function start(script: "scripts/dev.ts" | "scripts/serve.ts", env: NodeJS.ProcessEnv): Run {
  const run = runScript(checkout, script, [], env);
  runs.push(run);
  return run;
}

/** The lines the script printed itself (its `[dev]`/`[serve]` lines), and whatever else there is. */
function linesOf(output: string): string[] {
  return output.split("\n").map((l) => l.trimEnd()).filter(Boolean);
}

/** Nothing it started is left: its process group, and anything working in the checkout (wrangler, workerd have their own group). */
async function expectNothingLeft(run: Run): Promise<void> {
  expect(processesInGroup(run.child.pid!)).toEqual([]);
  // workerd may take a moment after its parent reports the stop.
  for (let i = 0; i < 20 && processesUnder(checkout).length; i++) await new Promise((r) => setTimeout(r, 100));
  expect(processesUnder(checkout)).toEqual([]);
}

async function expectOneLineFailure(run: Run, pattern: RegExp): Promise<string> {
  const code = await run.exited;
  const lines = linesOf(run.output());
  expect(code, run.output()).toBe(1);
  const errors = lines.filter((l) => /^\[(dev|serve)\] /.test(l) && pattern.test(l));
  expect(errors, run.output()).toHaveLength(1);
  // No stack trace, no driver dump: nothing but the script's own lines.
  expect(run.output()).not.toMatch(/\n\s+at |node:internal|Error: .*\n.*\n/);
  for (const line of lines) expect(line, run.output()).toMatch(/^\[(dev|serve)\] /);
  await expectNothingLeft(run);
  return errors[0]!;
}

let adminUrl: URL;
const databases: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `startup_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  databases.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(() => {
  // An ordinary checkout: folders above it enterable (the private-folder case has its own test).
  fs.chmodSync(base, 0o755);
  makeCheckout(checkout);
  adminUrl = new URL(inject("postgresUrl"));
});

afterAll(async () => {
  for (const run of runs) {
    run.kill();
    // A data folder moved out of reach of the checkout (see postgres.ts) is removed too.
    for (const m of run.output().matchAll(/postgres data in (\S+)/g)) fs.rmSync(path.dirname(m[1]!), { recursive: true, force: true });
  }
  // Clean-up is no outsider: no statement timeout (dropping a database on a busy machine can take seconds).
  const client = new pg.Client({ connectionString: adminUrl.toString(), options: "-c statement_timeout=0" });
  await client.connect();
  for (const name of databases) await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
  fs.rmSync(base, { recursive: true, force: true });
});

describe("start-up failures: one line, exit 1, nothing left running", () => {
  it("a busy port is refused before anything starts, with PORT= as the advice", async () => {
    const holder = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => holder.listen(port, "127.0.0.1", resolve));
    try {
      const run = start("scripts/dev.ts", cleanEnv({ PORT: String(port) }));
      const line = await expectOneLineFailure(run, /already in use/);
      expect(line).toContain(`Port ${port} is already in use`);
      expect(line).toMatch(/PORT=\d+ npm run dev/);
      expect(line).not.toMatch(/--port/);
      // Stopped before the stack: no Postgres data folder, no Redis, no .dev.vars written.
      expect(fs.existsSync(path.join(checkout, ".data", "postgres"))).toBe(false);
      expect(fs.existsSync(path.join(checkout, ".dev.vars"))).toBe(false);
    } finally {
      holder.close();
    }
  });

  it("a missing redis-server says how to install it or set REDIS_URL", async () => {
    const run = start("scripts/dev.ts", cleanEnv({ PORT: String(await freePort()), PATH: path.dirname(process.execPath) }));
    const line = await expectOneLineFailure(run, /redis-server/);
    expect(line).toMatch(/not found on PATH.*apt-get install redis-server.*REDIS_URL/);
  });

  it("a DATABASE_URL whose password is refused names DATABASE_URL and the password", async () => {
    const wrong = new URL(inject("postgresUrl"));
    wrong.password = "not-the-password";
    const run = start("scripts/dev.ts", cleanEnv({ PORT: String(await freePort()), DATABASE_URL: wrong.toString() }));
    const line = await expectOneLineFailure(run, /DATABASE_URL/);
    expect(line).toMatch(/DATABASE_URL was refused by Postgres at 127\.0\.0\.1:\d+: password authentication failed.*Check the user and password/);
    expect(line).not.toContain("not-the-password");
  });

  it("an unreachable DATABASE_URL says nothing accepts connections there", async () => {
    const port = await freePort();
    const run = start("scripts/serve.ts", cleanEnv({ PORT: String(await freePort()), DATABASE_URL: `postgres://shop:secret@127.0.0.1:${port}/shop` }));
    const line = await expectOneLineFailure(run, /DATABASE_URL/);
    expect(line).toContain(`nothing accepts connections at 127.0.0.1:${port}`);
    expect(line).not.toContain("secret");
  });

  it("an unwritable .data/ stops with what to fix, after stopping the Redis it had started", async () => {
    const data = path.join(checkout, ".data");
    fs.rmSync(data, { recursive: true, force: true });
    fs.writeFileSync(data, "not a folder");
    try {
      const run = start("scripts/dev.ts", cleanEnv({ PORT: String(await freePort()) }));
      const line = await expectOneLineFailure(run, /\.data/);
      expect(line).toMatch(/\.data.*cannot be created: something in its path is a file, not a folder/);
      expect(run.output()).toMatch(/\[dev\] redis {5}redis:\/\/127\.0\.0\.1:\d+ \(redis-server\)/);
    } finally {
      fs.rmSync(data, { force: true });
    }
  });

  const chattr = (() => {
    try {
      execFileSync("chattr", ["--help"], { stdio: "ignore" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    }
    return process.getuid?.() === 0;
  })();
  it.skipIf(!chattr)("an immutable .data/ (even root cannot write it) stops with what to fix", async () => {
    const data = path.join(checkout, ".data");
    fs.rmSync(data, { recursive: true, force: true });
    fs.mkdirSync(data);
    try {
      execFileSync("chattr", ["+i", data]);
    } catch {
      return; // this file system has no immutable flag: nothing to test here
    }
    try {
      const run = start("scripts/dev.ts", cleanEnv({ PORT: String(await freePort()) }));
      const line = await expectOneLineFailure(run, /\.data/);
      expect(line).toMatch(/\.data\/postgres cannot be written \(EPERM\).*chattr -i/);
    } finally {
      execFileSync("chattr", ["-i", data]);
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});

describe("against your own DATABASE_URL", () => {
  const adminExists = async (url: string, email = "admin@example.com") => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rowCount } = await client.query("select 1 from users where email = $1", [email]);
    await client.end();
    return rowCount === 1;
  };

  it("npm run dev creates no admin@example.com / admin-password there; Ctrl-C stops everything", async () => {
    const url = await freshDatabase();
    const run = start("scripts/dev.ts", cleanEnv({ PORT: String(await freePort()), DATABASE_URL: url, REDIS_URL: inject("redisUrl") }));
    const output = await run.waitFor(/Ctrl-C stops everything/, 180_000);
    expect(output).toMatch(/Admin login {5}none created on your DATABASE_URL \(set ADMIN_PASSWORD=… to create admin@example\.com\)/);
    expect(output).not.toContain("admin-password");
    expect(await adminExists(url)).toBe(false);
    process.kill(-run.child.pid!, "SIGINT"); // what a terminal's Ctrl-C sends
    expect(await run.exited).toBe(0);
    await expectNothingLeft(run);
  }, 240_000);

  it("npm run serve creates the admin when ADMIN_PASSWORD is given, and the Worker logs it in", async () => {
    const url = await freshDatabase();
    const port = await freePort();
    const run = start("scripts/serve.ts", cleanEnv({ PORT: String(port), DATABASE_URL: url, REDIS_URL: inject("redisUrl"), ADMIN_EMAIL: "boss@example.com", ADMIN_PASSWORD: "chosen-password-1" }));
    const output = await run.waitFor(/Ctrl-C stops everything/, 180_000);
    expect(output).toContain(`Edge Shop is running at http://127.0.0.1:${port} (the production bundle on plain workerd)`);
    expect(output).toMatch(/Admin login {5}boss@example\.com \/ chosen-password-1/);
    expect(await adminExists(url, "boss@example.com")).toBe(true);
    expect(await adminExists(url)).toBe(false);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "boss@example.com", password: "chosen-password-1" }),
    });
    expect(login.status).toBe(200);
    process.kill(-run.child.pid!, "SIGINT");
    expect(await run.exited).toBe(0);
    await expectNothingLeft(run);
  }, 240_000);
});
