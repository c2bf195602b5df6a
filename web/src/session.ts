// Who is logged in: tokens in localStorage (so tabs share one session), silent refresh before the
// access token expires or after a 401, and one refresh at a time across tabs (refresh tokens rotate:
// a second tab presenting the same one would look like reuse and end the whole session).
import { api, ApiError, NETWORK_PROBLEM, problemOf, setAccessTokenSource, type Outcome, type TokenPair, type User } from "./api/client";
import { createStore } from "./store";

interface Tokens {
  access: string;
  refresh: string;
  /** ms since the epoch */
  expiresAt: number;
}

export interface SessionState {
  tokens: Tokens | null;
  user: User | null;
  /** Said on the login screen after a session ended by itself. */
  notice: string | null;
}

const STORAGE_KEY = "edge-shop.session";
/** Refresh this long before the access token expires, so no request goes out with a dying one. */
const REFRESH_MARGIN_MS = 30_000;

function loadTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Tokens>;
    return typeof value.access === "string" && typeof value.refresh === "string" && typeof value.expiresAt === "number" ? (value as Tokens) : null;
  } catch {
    return null;
  }
}

export const session = createStore<SessionState>({ tokens: loadTokens(), user: null, notice: null });
setAccessTokenSource(() => session.get().tokens?.access ?? null);

function adoptTokens(tokens: Tokens): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  session.update((s) => ({ ...s, tokens, notice: null }));
}

function adoptPair(pair: TokenPair): void {
  // This client asks for the refresh token in the body, so it is always there.
  adoptTokens({ access: pair.access, refresh: pair.refresh ?? "", expiresAt: Date.now() + pair.expires_in * 1000 });
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
    // Inside the lock: another tab may have rotated the token while this one waited.
    const stored = loadTokens();
    if (!stored) {
      endSession();
      return false;
    }
    if (stored.refresh !== used.refresh && stored.expiresAt - Date.now() > REFRESH_MARGIN_MS) {
      adoptTokens(stored);
      return true;
    }
    // One key for this refresh and its retry: a retry whose first answer was lost gets the same
    // new tokens back instead of looking like reuse (which would end the session).
    const retryKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
    const send = () => api.POST("/api/auth/refresh", { body: { refresh: stored.refresh }, params: { header: { "idempotency-key": retryKey } } });
    for (let attempt = 0; ; attempt++) {
      try {
        const { data, response } = await send();
        if (data) {
          adoptPair(data);
          return true;
        }
        if (response.status === 401) endSession("Your session has ended. Please log in again.");
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
  const pair = await call(() => api.POST("/api/auth/login", { body: { email, password } }));
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
  // Revokes the refresh family; the server also closes this session's notification sockets.
  await api.POST("/api/auth/logout", { body: { refresh: tokens.refresh } }).catch(() => undefined);
}
