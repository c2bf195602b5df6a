/**
 * A start-up failure the user can act on: its message is one line that says what went wrong and
 * what to do. Scripts print it as it is (no stack trace) and exit 1.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

interface SystemishError {
  code?: string;
  errno?: number;
  syscall?: string;
  address?: string;
  port?: number;
  message?: string;
}

/** `host:port` of a connection string, for messages (never its password). */
export function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol.startsWith("redis") ? 6379 : 5432)}`;
  } catch {
    return "the given address";
  }
}

/**
 * One line for a failure to reach or log into the database at `url` (DATABASE_URL), or null when
 * the error is something else. Covers what a user meets: a refused password, an unknown database or
 * user, nothing listening, an unknown host, no answer.
 */
export function describeDatabaseError(err: unknown, url: string, name = "DATABASE_URL"): string | null {
  const e = (err ?? {}) as SystemishError & { code?: string };
  const at = where(url);
  switch (e.code) {
    case "28P01":
    case "28000":
      return `${name} was refused by Postgres at ${at}: ${e.message}. Check the user and password in ${name}.`;
    case "3D000":
      return `${name} names a database that does not exist on ${at} (${e.message}). Create it, or fix the name in ${name}.`;
    case "ECONNREFUSED":
      return `${name}: nothing accepts connections at ${at} (connection refused). Is Postgres running there? Or unset ${name} to use the embedded one.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${name}: the host of ${at} cannot be resolved. Check the host name in ${name}.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${name}: ${at} did not answer (${e.code}). Check the address and any firewall in between.`;
  }
  if (/timeout expired|Connection terminated due to connection timeout/i.test(e.message ?? "")) {
    return `${name}: ${at} did not answer within 10 s. Check the address and any firewall in between.`;
  }
  if (/SSL|TLS|certificate/i.test(e.message ?? "")) {
    return `${name}: the TLS handshake with ${at} failed (${e.message}). Check sslmode in ${name}.`;
  }
  return null;
}

/** One line for a file system failure on `target` (a folder we must write), or null. */
export function describeDiskError(err: unknown, target: string, what: string): string | null {
  const e = (err ?? {}) as SystemishError;
  switch (e.code) {
    case "ENOSPC":
    case "EDQUOT":
      return `The disk holding ${target} is full (${e.code}); ${what} needs space there. Free some space and start again.`;
    case "EROFS":
      return `${target} is on a read-only file system (EROFS); ${what} must write there. Run from a writable checkout.`;
    case "EACCES":
    case "EPERM":
      return `${target} cannot be written (${e.code}); ${what} must write there. Fix its permissions (or its immutable flag: lsattr / chattr -i) and start again.`;
    case "ENOTDIR":
    case "EEXIST":
      return `${target} cannot be created: something in its path is a file, not a folder (${e.code}). Move that file away and start again.`;
  }
  return null;
}

/** The message of any thrown value, on one line. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, " ").trim();
}
