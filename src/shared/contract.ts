// Facts the Worker and the storefront (web/) must agree on, written once. No imports: both sides
// import this file as it is (the storefront through esbuild, the Worker through wrangler), so it
// can hold only plain values and types. The database's enums say the same; test/node/contract.test.ts
// checks them against these lists.

/** Where an order is (the `order_status` enum). */
export const ORDER_STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The only moves an order's status can make; anything else is 409 illegal-status-transition. Who may
 * make a move (the owner may only cancel their own pending order) is the order code's business.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ["paid", "cancelled"],
  paid: ["shipped", "cancelled"],
  shipped: ["delivered"],
  delivered: [],
  cancelled: [],
};

/**
 * How far along a status is: the longest chain of moves that reaches it (pending 0 … delivered).
 * Changes that may arrive out of order (pushes racing a fetch) apply only when they move forward.
 */
export const STATUS_RANK: Readonly<Record<OrderStatus, number>> = (() => {
  const rank = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  // The moves have no cycles, so as many passes as statuses settle every rank.
  for (let pass = 0; pass < ORDER_STATUSES.length; pass++) {
    for (const from of ORDER_STATUSES) for (const to of TRANSITIONS[from]) rank[to] = Math.max(rank[to], rank[from] + 1);
  }
  return rank;
})();

/** Where an order's money is (the `payment_status` enum). */
export const PAYMENT_STATUSES = ["unpaid", "paid", "partially_refunded", "refunded"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Close codes of the notifications WebSocket: what a client must do when its socket closes with one. */
export const CloseCode = {
  /** Reconnect now and catch up with ?after=: sent instead of delivering out of order. */
  resync: 4000,
  /** The session ended (logout, refresh-token reuse) or the access token expired: refresh or log in, then reconnect. */
  sessionEnded: 4001,
  /** The user opened more than MAX_SOCKETS_PER_USER sockets: this, the oldest, was closed. Do not reconnect on your own. */
  tooManySockets: 4002,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** A user keeps at most this many addresses: it bounds the book and what a checkout may pick from. */
export const ADDRESS_LIMIT = 20;

/** A cart holds at most this many lines (variants): it bounds what one checkout locks and writes. */
export const MAX_CART_LINES = 100;

/** A product a request wanted more of than there is: one entry of a 409 insufficient-stock problem's `products`. */
export interface Shortage {
  product_id: number;
  name: string;
  requested: number;
  available: number;
}
