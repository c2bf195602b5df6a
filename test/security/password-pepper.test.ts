import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../src/auth/password";
import { api, login, PASSWORD, register, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";

// Password hashes alone are not enough: every new hash is PBKDF2 over an HMAC of the password keyed
// with PASSWORD_PEPPER (a Worker secret, never stored beside the hashes), says so in its last field,
// and hashes made before the pepper are upgraded at their next successful login.

const PEPPERED = /^pbkdf2_sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+\$pepper:1$/;
let n = 0;
const ip = () => `192.0.2.${(n = (n % 250) + 1)}`;
const storedHash = async (userId: number) => (await sql<{ password_hash: string }>("select password_hash from users where id = $1", [userId]))[0]!.password_hash;

describe("the password pepper", () => {
  it("is in every new hash: a registration stores a peppered hash and logs in with it", async () => {
    const { email, user } = await register(uniqueEmail("pepper"));
    const stored = await storedHash(user.id);
    expect(stored).toMatch(PEPPERED);
    // Without the pepper (a stolen database alone) the hash matches nothing, not even the password.
    expect((await verifyPassword(PASSWORD, stored)).ok).toBe(false);
    expect((await verifyPassword(PASSWORD, stored, "another pepper, also 32 characters long")).ok).toBe(false);
    expect((await verifyPassword(PASSWORD, stored, env.PASSWORD_PEPPER)).ok).toBe(true);
    expect((await login(email, PASSWORD, { "cf-connecting-ip": ip() })).access).toEqual(expect.any(String));
  });

  it("is added to a hash made without it at its next successful login, and not at a failed one", async () => {
    const { email, user } = await register(uniqueEmail("pepper-upgrade"));
    const unpeppered = await hashPassword(PASSWORD);
    expect(unpeppered).not.toMatch(/pepper/);
    await sql("update users set password_hash = $1 where id = $2", [unpeppered, user.id]);

    const wrong = await api("POST", "/api/auth/login", { body: { email, password: "wrong password" }, headers: { "cf-connecting-ip": ip() } });
    expect(wrong.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(await storedHash(user.id)).toBe(unpeppered);

    await login(email, PASSWORD, { "cf-connecting-ip": ip() });
    const deadline = Date.now() + 5000;
    while (!PEPPERED.test(await storedHash(user.id))) {
      if (Date.now() > deadline) throw new Error("the hash was never upgraded");
      await new Promise((r) => setTimeout(r, 25));
    }
    // The upgraded hash still lets the owner in.
    expect((await login(email, PASSWORD, { "cf-connecting-ip": ip() })).access).toEqual(expect.any(String));
  });

  it("keeps hashes self-describing: each states its algorithm, iterations, salt and pepper version", async () => {
    const stored = await hashPassword("secret value", 1000, "a pepper of at least thirty-two characters");
    const [algorithm, iterations, salt, hash, pepper] = stored.split("$");
    expect({ algorithm, iterations, pepper }).toEqual({ algorithm: "pbkdf2_sha256", iterations: "1000", pepper: "pepper:1" });
    expect(atob(salt!)).toHaveLength(16);
    expect(atob(hash!)).toHaveLength(32);
    expect(await verifyPassword("secret value", stored, "a pepper of at least thirty-two characters")).toEqual({ ok: true, needsRehash: true });
  });
});
