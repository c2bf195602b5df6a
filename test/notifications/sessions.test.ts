import { env, evictDurableObject } from "cloudflare:test";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, login, newUser } from "../helpers/api";
import { createCategory, createProduct, newAdmin, placeOrder } from "../helpers/fixtures";
import { closedBy, connect, drain, notificationsIn, waitFor, type Socket } from "../helpers/sockets";

// A socket lives no longer than the session its access token belongs to (the HTTP contract, "Auth and
// profile"): logout, refresh-token reuse and the token's expiry close it with 4001. A user holds
// at most 20 sockets (the HTTP contract, "Notifications"): the 21st closes the oldest with 4002.

let admin: Awaited<ReturnType<typeof newAdmin>>;
let productId: number;

beforeAll(async () => {
  admin = await newAdmin();
  const category = await createCategory(admin.token);
  productId = (await createProduct(admin.token, category.id, { stock: 1000, price: "1.00" })).id;
});

const now = () => Math.floor(Date.now() / 1000);

/** An access token exactly like the server's, for a session of our choosing that expires in `seconds`. */
function accessToken(userId: number, seconds: number, sessionId: string = crypto.randomUUID()): Promise<string> {
  const claims = { typ: "access", sid: sessionId, sub: String(userId), iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE, iat: now(), exp: now() + seconds };
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(env.JWT_SECRET));
}

const notifierOf = (userId: number) => env.NOTIFIER.get(env.NOTIFIER.idFromName(String(userId)));

/** Ships one of the user's orders and waits until every socket in `open` got that notification. */
async function expectStillReceiving(userToken: string, open: Socket[]) {
  const orderId = await placeOrder(userToken, productId);
  expect((await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "paid" } })).status).toBe(200);
  for (const socket of open) {
    await waitFor(() => notificationsIn(socket).find((m) => m.order_id === orderId), 5000);
    expect(socket.closed).toBeUndefined();
  }
  return orderId;
}

describe("sockets end with their session", () => {
  it("closes every socket of a session that logs out with 4001, and none of the same user's other session", async () => {
    const user = await newUser("logout");
    const otherDevice = await login(user.email, user.password);
    const [tab, headerClient, other] = [await connect(user.token), await connect(user.token, { how: "header" }), await connect(otherDevice.access)];
    expect((await api("POST", "/api/auth/logout", { body: { refresh: user.refresh } })).status).toBe(204);
    for (const socket of [tab, headerClient]) expect(await closedBy(socket)).toEqual({ code: 4001, reason: expect.stringMatching(/session ended/) });
    const orderId = await expectStillReceiving(otherDevice.access, [other]);
    for (const socket of [tab, headerClient]) expect(notificationsIn(socket).find((m) => m.order_id === orderId)).toBeUndefined();
    other.ws.close(1000);
  });

  it("closes the sockets of a session whose rotated refresh token is presented again with 4001, and only that session's", async () => {
    const user = await newUser("reuse");
    const otherDevice = await login(user.email, user.password);
    const rotated = await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } });
    expect(rotated.status).toBe(200);
    // Both access tokens (before and after the rotation) belong to the same session.
    const [before, after, other] = [await connect(user.token), await connect(rotated.body.access), await connect(otherDevice.access)];
    expectProblem(await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } }), 401);
    for (const socket of [before, after]) expect((await closedBy(socket)).code).toBe(4001);
    await expectStillReceiving(otherDevice.access, [other]);
    other.ws.close(1000);
  });

  it("closes a socket with 4001 when its access token expires, even after the object hibernated, one expiry after another", async () => {
    const user = await newUser("expiry");
    const first = await connect(await accessToken(user.id, 3));
    const second = await connect(await accessToken(user.id, 7));
    const lasting = await connect(user.token);
    // Only the sockets' attachments and the stored alarm survive this.
    await evictDurableObject(notifierOf(user.id));
    expect(await closedBy(first, 20_000)).toEqual({ code: 4001, reason: expect.stringMatching(/expired/) });
    expect(second.closed).toBeUndefined();
    // The alarm that closed the first was set again for the second.
    expect((await closedBy(second, 20_000)).code).toBe(4001);
    await drain(lasting);
    await expectStillReceiving(user.token, [lasting]);
    lasting.ws.close(1000);
  });
});

describe("at most 20 sockets per user", () => {
  it("closes the oldest with 4002 when a 21st opens, in accept order even after hibernation, and the other 20 keep receiving", async () => {
    const user = await newUser("cap");
    const sockets: Socket[] = [];
    for (let i = 0; i < 21; i++) sockets.push(await connect(user.token));
    expect(await closedBy(sockets[0]!)).toEqual({ code: 4002, reason: expect.stringMatching(/too many sockets/) });
    await evictDurableObject(notifierOf(user.id));
    sockets.push(await connect(user.token));
    expect((await closedBy(sockets[1]!)).code).toBe(4002);
    const open = sockets.slice(2);
    expect(open).toHaveLength(20);
    const orderId = await expectStillReceiving(user.token, open);
    for (const socket of sockets.slice(0, 2)) expect(notificationsIn(socket).find((m) => m.order_id === orderId)).toBeUndefined();
    for (const socket of open) socket.ws.close(1000);
  });
});
