import { describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";

// A retried refresh does not end the session: a refresh sent with an Idempotency-Key may be sent
// again with the same token and key for 30 s and answers with the same successor; after that, once
// the successor has been used, or without the same key, presenting the token is reuse and ends the
// session as before.

const refresh = (token: string, key: string | undefined = crypto.randomUUID()) =>
  api("POST", "/api/auth/refresh", { body: { refresh: token }, headers: key ? { "idempotency-key": key } : {} });

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const sessionRevoked = async (userId: number) =>
  (await sql<{ revoked: boolean }>("select revoked_at is not null as revoked from refresh_families where user_id = $1", [userId])).map((r) => r.revoked);

describe("a retried refresh", () => {
  it("gets the same successor and a working access token, and the session goes on", async () => {
    const user = await newUser("retry");
    const key = crypto.randomUUID();
    const first = await refresh(user.refresh, key);
    expect(first.status).toBe(200);
    const retry = await refresh(user.refresh, key);
    expect(retry.status).toBe(200);
    expect(retry.body.refresh).toBe(first.body.refresh);
    expect(retry.body).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number) });
    expect((await api("GET", "/api/me", { token: retry.body.access })).status).toBe(200);
    expect(await sessionRevoked(user.id)).toEqual([false]);
    // The successor rotates as usual, once.
    const next = await refresh(first.body.refresh);
    expect(next.status).toBe(200);
    expect(next.body.refresh).not.toBe(first.body.refresh);
    expect(await sessionRevoked(user.id)).toEqual([false]);
  });

  it("is reuse once the successor has been rotated: the session ends", async () => {
    const user = await newUser("retry-late");
    const key = crypto.randomUUID();
    const first = await refresh(user.refresh, key);
    expect((await refresh(first.body.refresh)).status).toBe(200);
    expectProblem(await refresh(user.refresh, key), 401);
    expect(await sessionRevoked(user.id)).toEqual([true]);
  });

  it("is reuse after 30 seconds: the session ends, successor included", async () => {
    const user = await newUser("retry-expired");
    const key = crypto.randomUUID();
    const first = await refresh(user.refresh, key);
    expect(first.status).toBe(200);
    await sql("update refresh_tokens set revoked_at = now() - interval '31 seconds' where token_hash = $1", [await sha256Hex(user.refresh)]);
    expectProblem(await refresh(user.refresh, key), 401);
    expect(await sessionRevoked(user.id)).toEqual([true]);
    expectProblem(await refresh(first.body.refresh), 401);
  });

  it("does not revive a session that was logged out", async () => {
    const user = await newUser("retry-logout");
    const key = crypto.randomUUID();
    const first = await refresh(user.refresh, key);
    expect((await api("POST", "/api/auth/logout", { body: { refresh: first.body.refresh } })).status).toBe(204);
    expectProblem(await refresh(user.refresh, key), 401);
  });

  it("is reuse with another key, or none: the session ends", async () => {
    for (const second of ["another-key", undefined]) {
      const user = await newUser("retry-other-key");
      expect((await refresh(user.refresh, "first-key")).status).toBe(200);
      expectProblem(await refresh(user.refresh, second), 401);
      expect(await sessionRevoked(user.id)).toEqual([true]);
    }
  });

  it("is still one Postgres round trip and no Redis", async () => {
    const user = await newUser("retry-trips");
    const key = crypto.randomUUID();
    for (let i = 0; i < 2; i++) {
      const res = await refresh(user.refresh, key);
      expect(res.status).toBe(200);
      expect([res.headers.get("x-db-round-trips"), res.headers.get("x-cache-round-trips"), res.headers.get("x-db-statements")]).toEqual(["1", "0", "1"]);
    }
  });
});
