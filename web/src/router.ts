import { useEffect, useState } from "preact/hooks";

// Hash routing (#/cart, #/products/3): every screen is the one static index.html, and any path that
// is not a file still reaches the Worker and its 404 problem+json (no single-page-app fallback).

export interface Route {
  path: string;
  query: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = window.location.hash.replace(/^#/, "") || "/";
  const at = raw.indexOf("?");
  const path = at === -1 ? raw : raw.slice(0, at);
  return { path: path.startsWith("/") ? path : `/${path}`, query: new URLSearchParams(at === -1 ? "" : raw.slice(at + 1)) };
}

/** "#/path?query" with empty values left out. */
export function href(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, value);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ""}`;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const target = to.startsWith("#") ? to : `#${to}`;
  if (opts.replace) {
    window.history.replaceState(null, "", target);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = target;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** Who may see a screen: anyone, a signed-in user, or an admin. */
export type Access = "public" | "user" | "admin";

/** A screen's path pattern: literal segments and `:name` segments, which match a numeric id. */
export interface ScreenRoute<T> {
  pattern: string;
  access: Access;
  screen: T;
  /** The screen's link in the admin navigation, when it has one. */
  nav?: string;
}

export interface Matched<T> {
  route: ScreenRoute<T>;
  params: Record<string, number>;
}

/** "/orders/:id" against "/orders/12" → { id: 12 }; null when it does not match. */
export function matchPattern(pattern: string, path: string): Record<string, number> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, number> = {};
  for (const [i, segment] of want.entries()) {
    const value = got[i]!;
    if (segment.startsWith(":")) {
      if (!/^[1-9][0-9]{0,9}$/.test(value)) return null;
      params[segment.slice(1)] = Number(value);
    } else if (segment !== value) {
      return null;
    }
  }
  return params;
}

/** The first route whose pattern matches the path, with its params. */
export function matchRoute<T>(routes: readonly ScreenRoute<T>[], path: string): Matched<T> | null {
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}
