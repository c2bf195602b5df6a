// Who is logged in. The refresh token never reaches this script: the server keeps it in an
// HttpOnly, Secure, SameSite=Strict cookie scoped to /api/auth (asked for with
// `Refresh-Token-Transport: cookie`, src/auth/refresh-cookie.ts), so an injected script can use a
// session only while the page is open, never carry it away. The short-lived access token and its
// expiry stay in localStorage, so tabs share one session; silent refresh before the access token
// expires or after a 401, and one refresh at a time across tabs (refresh tokens rotate: a second
// tab presenting the same cookie would look like reuse and end the whole session).
import { api, ApiError, NETWORK_PROBLEM, problemOf, setAccessTokenSource, type Outcome, type TokenPair, type User } from "./api/client";
import { createStore } from "./store";

interface Tokens {
  access: string;
  /** ms since the epoch */
  expiresAt: number;
}

export interface SessionState {
  tokens: Tokens | null;
  user: User | null;
  /** Said on the login screen after a session ended by itself (or by a password reset). */
  notice: string | null;
}

const STORAGE_KEY = "edge-shop.session";
/** Refresh this long before the access token expires, so no request goes out with a dying one. */
const REFRESH_MARGIN_MS = 30_000;
/** Every auth call of this storefront: the refresh token travels in the cookie, never in a body. */
const COOKIE = { "refresh-token-transport": "cookie" } as const;

function loadTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Tokens>;
    return typeof value.access === "string" && typeof value.expiresAt === "number" ? { access: value.access, expiresAt: value.expiresAt } : null;
  } catch {
    return null;
  }
}

/**
 * A session saved before the refresh token moved to the cookie still holds it in localStorage: it
 * leaves storage now, and is traded once for the cookie (the server takes a body token and answers
 * with the cookie when asked for one). Null when there was none.
 */
function takeLegacyRefreshToken(): string | null {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as { refresh?: unknown } | null;
    if (typeof value?.refresh !== "string") return null;
    const tokens = loadTokens();
    if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else localStorage.removeItem(STORAGE_KEY);
    return value.refresh;
  } catch {
    return null;
  }
}

const legacyRefresh = takeLegacyRefreshToken();

export const session = createStore<SessionState>({ tokens: loadTokens(), user: null, notice: null });
setAccessTokenSource(() => session.get().tokens?.access ?? null);

function adoptTokens(tokens: Tokens): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  session.update((s) => ({ ...s, tokens, notice: null }));
}

function adoptPair(pair: TokenPair): void {
  adoptTokens({ access: pair.access, expiresAt: Date.now() + pair.expires_in * 1000 });
}

/** Forgets the session here (and in the other tabs, through the storage event). */
export function endSession(notice: string | null = null): void {
  localStorage.removeItem(STORAGE_KEY);
  session.set({ tokens: null, user: null, notice });
}

// Another tab logged in, refreshed or logged out.
window.addEventListener("storage", (event) => {
  if (event.key !== STORAGE_KEY) return;
  const tokens = loadTokens();
  if (!tokens) {
    if (session.get().tokens) session.set({ tokens: null, user: null, notice: null });
    return;
  }
  const hadUser = session.get().user !== null;
  session.update((s) => ({ ...s, tokens }));
  if (!hadUser) void loadUser().catch(() => undefined);
});

let refreshing: Promise<boolean> | null = null;
/** Sent in the body by the first refresh only, which moves it into the cookie. */
let legacyToken = legacyRefresh;
if (legacyToken && session.get().tokens) void refreshTokens();

/** Rotates the refresh token once, however many callers ask at the same time; false when the session is gone. */
export function refreshTokens(): Promise<boolean> {
  refreshing ??= refreshOnce().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refreshOnce(): Promise<boolean> {
  const used = session.get().tokens;
  if (!used) return false;
  const rotate = async (): Promise<boolean> => {
    // Inside the lock: another tab may have rotated the cookie (and stored its new access token)
    // while this one waited.
    const stored = loadTokens();
    if (!stored) {
      endSession();
      return false;
    }
    if (stored.access !== used.access && stored.expiresAt - Date.now() > REFRESH_MARGIN_MS) {
      adoptTokens(stored);
      return true;
    }
    const legacy = legacyToken;
    legacyToken = null;
    // One key for this refresh and its retry: a retry whose first answer was lost gets the same
    // new tokens back instead of looking like reuse (which would end the session).
    const retryKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
    const send = () => api.POST("/api/auth/refresh", { body: legacy ? { refresh: legacy } : {}, params: { header: { ...COOKIE, "idempotency-key": retryKey } } });
    for (let attempt = 0; ; attempt++) {
      try {
        const { data, response } = await send();
        if (data) {
          adoptPair(data);
          return true;
        }
        // 401: revoked or reused; 400: no cookie any more (expired, or cleared by a refusal).
        if (response.status === 401 || response.status === 400) endSession("Your session has ended. Please log in again.");
        return false;
      } catch {
        if (attempt >= 1) return false; // offline: keep the session and try again later
      }
    }
  };
  return navigator.locks ? navigator.locks.request("edge-shop.refresh", rotate) : rotate();
}

/** An access token that is good for at least a little while, or null when logged out. */
export async function freshAccessToken(): Promise<string | null> {
  const tokens = session.get().tokens;
  if (!tokens) return null;
  if (tokens.expiresAt - Date.now() < REFRESH_MARGIN_MS) await refreshTokens();
  return session.get().tokens?.access ?? null;
}

/**
 * Runs one API call and returns its data, or throws an ApiError carrying the problem. A logged-in
 * call that meets a 401 refreshes the tokens once and is sent again.
 */
export async function call<T>(run: () => Promise<Outcome<T>>): Promise<T> {
  const signedIn = session.get().tokens !== null;
  if (signedIn) await freshAccessToken();
  const attempt = async (): Promise<Outcome<T>> => {
    try {
      return await run();
    } catch {
      throw new ApiError(0, NETWORK_PROBLEM);
    }
  };
  let outcome = await attempt();
  if (outcome.response.status === 401 && signedIn && session.get().tokens && (await refreshTokens())) outcome = await attempt();
  if (!outcome.response.ok) throw new ApiError(outcome.response.status, problemOf(outcome.response, outcome.error));
  return outcome.data as T;
}

export async function loadUser(): Promise<User | null> {
  if (!session.get().tokens) return null;
  const user = await call(() => api.GET("/api/me"));
  session.update((s) => ({ ...s, user }));
  return user;
}

export async function login(email: string, password: string): Promise<User | null> {
  const pair = await call(() => api.POST("/api/auth/login", { body: { email, password }, params: { header: COOKIE } }));
  adoptPair(pair);
  return loadUser();
}

export async function register(body: { email: string; password: string; name?: string }): Promise<User | null> {
  await call(() => api.POST("/api/auth/register", { body }));
  return login(body.email, body.password);
}

export async function logout(): Promise<void> {
  const tokens = session.get().tokens;
  endSession();
  if (!tokens) return;
  // Revokes the refresh family (the cookie's) and clears the cookie; the server also closes this
  // session's notification sockets.
  await api.POST("/api/auth/logout", { body: {}, params: { header: COOKIE } }).catch(() => undefined);
}
