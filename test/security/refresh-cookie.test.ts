import { describe, expect, it } from "vitest";
import { api, expectProblem, PASSWORD, register, uniqueEmail } from "../helpers/api";

// The storefront keeps its refresh token in an HttpOnly; Secure; SameSite=Strict cookie scoped to
// /api/auth, asked for with `Refresh-Token-Transport: cookie`; API clients keep the JSON body form.

const COOKIE_MODE = { "refresh-token-transport": "cookie" };
let n = 0;
const ip = () => `192.0.2.${(n = (n % 250) + 1)}`;

function cookieOf(res: { headers: Headers }): { value: string; attributes: string[] } {
  const header = res.headers.get("set-cookie");
  expect(header).toBeTruthy();
  const [pair, ...attributes] = header!.split(";").map((p) => p.trim());
  const [name, value] = pair!.split("=");
  expect(name).toBe("refresh_token");
  return { value: value ?? "", attributes };
}

function expectStrictCookie(attributes: string[]) {
  const lower = attributes.map((a) => a.toLowerCase());
  for (const want of ["httponly", "secure", "samesite=strict", "path=/api/auth"]) expect(lower).toContain(want);
}

async function cookieLogin() {
  const { email } = await register(uniqueEmail("cookie"));
  const res = await api("POST", "/api/auth/login", { body: { email, password: PASSWORD }, headers: { ...COOKIE_MODE, "cf-connecting-ip": ip() } });
  expect(res.status).toBe(200);
  return res;
}

describe("the refresh cookie", () => {
  it("carries the refresh token of a login that asks for it, and the body does not", async () => {
    const res = await cookieLogin();
    const cookie = cookieOf(res);
    expectStrictCookie(cookie.attributes);
    expect(cookie.attributes.some((a) => /^max-age=[1-9][0-9]*$/i.test(a))).toBe(true);
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body).toEqual({ access: expect.any(String), token_type: "Bearer", expires_in: expect.any(Number) });
    expect((await api("GET", "/api/me", { token: res.body.access })).status).toBe(200);
  });

  it("refreshes from the cookie alone, rotating it; the rotated one is refused and cleared", async () => {
    const first = cookieOf(await cookieLogin()).value;
    const rotated = await api("POST", "/api/auth/refresh", { body: {}, headers: { ...COOKIE_MODE, cookie: `refresh_token=${first}` } });
    expect(rotated.status).toBe(200);
    expect(rotated.body).not.toHaveProperty("refresh");
    const second = cookieOf(rotated);
    expectStrictCookie(second.attributes);
    expect(second.value).not.toBe(first);

    const reuse = await api("POST", "/api/auth/refresh", { body: {}, headers: { ...COOKIE_MODE, cookie: `refresh_token=${first}` } });
    expectProblem(reuse, 401);
    const cleared = cookieOf(reuse);
    expect(cleared.value).toBe("");
    expect(cleared.attributes.map((a) => a.toLowerCase())).toContain("max-age=0");
  });

  it("is not read without Refresh-Token-Transport: cookie", async () => {
    const token = cookieOf(await cookieLogin()).value;
    const res = await api("POST", "/api/auth/refresh", { body: {}, headers: { cookie: `refresh_token=${token}` } });
    expect(expectProblem(res, 400).errors).toEqual([{ path: "refresh", message: expect.any(String) }]);
    // Still unspent.
    expect((await api("POST", "/api/auth/refresh", { body: {}, headers: { ...COOKIE_MODE, cookie: `refresh_token=${token}` } })).status).toBe(200);
  });

  it("logs out from the cookie and clears it", async () => {
    const token = cookieOf(await cookieLogin()).value;
    const out = await api("POST", "/api/auth/logout", { body: {}, headers: { ...COOKIE_MODE, cookie: `refresh_token=${token}` } });
    expect(out.status).toBe(204);
    expect(cookieOf(out).attributes.map((a) => a.toLowerCase())).toContain("max-age=0");
    expectProblem(await api("POST", "/api/auth/refresh", { body: {}, headers: { ...COOKIE_MODE, cookie: `refresh_token=${token}` } }), 401);
  });

  it("is not set for API clients, which keep the JSON body form", async () => {
    const { email } = await register(uniqueEmail("no-cookie"));
    const res = await api("POST", "/api/auth/login", { body: { email, password: PASSWORD }, headers: { "cf-connecting-ip": ip() } });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.body.refresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rotated = await api("POST", "/api/auth/refresh", { body: { refresh: res.body.refresh } });
    expect(rotated.headers.get("set-cookie")).toBeNull();
    expect(rotated.body.refresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectProblem(await api("POST", "/api/auth/refresh", { body: {} }), 400);
  });
});
