// Live order notifications over the WebSocket, following the README's "Reconnecting without losing
// anything" recipe: open the socket first, then fetch everything after the last id this browser is
// sure of (oldest first, following `next`), drop duplicates by id, and move that resume point only
// once a catch-up has finished. Close codes: 4000 resync (reconnect now), 4001 the session ended
// (refresh the token, or log out), 4002 too many sockets for this user (pause until asked).
import { api, type Notification, type OrderStatus } from "./api/client";
import { call, freshAccessToken, refreshTokens } from "./session";
import { createStore } from "./store";

export type Connection = "off" | "connecting" | "live" | "reconnecting" | "paused";

export interface LiveState {
  connection: Connection;
  /** Unread notifications (the server's count, nudged by pushes in between). */
  unread: number;
}

export const live = createStore<LiveState>({ connection: "off", unread: 0 });
/** Every notification seen for the first time, pushed or caught up: views apply the status changes. */
export const notificationFeed = createStore<Notification | null>(null);
/** Pushes only (not catch-ups): worth telling the shopper about. */
export const announcements = createStore<Notification | null>(null);

const RESYNC = 4000;
const SESSION_ENDED = 4001;
const REPLACED = 4002;
/** Our own close when a catch-up failed: reconnect with backoff, like any dropped connection. */
const CATCH_UP_FAILED = 4900;
const MAX_BACKOFF_MS = 30_000;

type NotificationQuery = { after?: string; page?: string; page_size?: string; cursor?: string; unread?: "true" | "false" };
const QUERY_KEYS = ["after", "page", "page_size", "cursor", "unread"] as const;

/** The documented query parameters of a `next` link, to follow it with the typed client. */
function queryOf(next: string): NotificationQuery {
  const params = new URL(next, window.location.origin).searchParams;
  const query: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const value = params.get(key);
    if (value !== null) query[key] = value;
  }
  return query as NotificationQuery;
}

const RANK: Record<OrderStatus, number> = { pending: 0, paid: 1, shipped: 2, delivered: 3, cancelled: 3 };

/** Statuses only move forward, so a change applies when it is ahead of what a view shows. */
export function applyStatus(current: OrderStatus, note: Notification | undefined): OrderStatus {
  return note && RANK[note.to_status] > RANK[current] ? note.to_status : current;
}

/** The furthest change seen per order, for views whose fetch raced with a push. */
const furthest = new Map<number, Notification>();

export function latestChange(orderId: number): Notification | undefined {
  return furthest.get(orderId);
}

/** One socket's progress: opened yet, caught up yet, and the highest notification id it showed. */
interface Link {
  socket: WebSocket;
  opened: boolean;
  caughtUp: boolean;
  highest: number;
}

class LiveNotifications {
  private userId: number | null = null;
  private socket: WebSocket | null = null;
  private seen = new Set<number>();
  private resumeFrom = 0;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unreadTimer: ReturnType<typeof setTimeout> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "visible" || this.userId === null) return;
      const state = live.get().connection;
      if (state === "paused") this.resume();
      else if (state === "live") this.checkAlive();
    });
    window.addEventListener("online", () => {
      if (this.userId !== null && live.get().connection === "reconnecting") this.connectSoon(0);
    });
  }

  private get storageKey(): string {
    return `edge-shop.notifications-resume-from:${this.userId}`;
  }

  async start(userId: number): Promise<void> {
    if (this.userId === userId) return;
    this.stop();
    this.userId = userId;
    live.set({ connection: "connecting", unread: 0 });
    const saved = Number(localStorage.getItem(this.storageKey));
    if (Number.isInteger(saved) && saved > 0) {
      this.resumeFrom = saved;
    } else {
      // First visit from this browser: what happened before is history (the notifications page
      // lists it), not something missed. Start after the newest one.
      try {
        const newest = await call(() => api.GET("/api/notifications", { params: { query: { page_size: "1" } } }));
        if (this.userId !== userId) return;
        this.resumeFrom = newest.results[0]?.id ?? 0;
        localStorage.setItem(this.storageKey, String(this.resumeFrom));
      } catch {
        this.resumeFrom = 0;
      }
    }
    void this.refreshUnread();
    void this.connect();
  }

  stop(): void {
    this.userId = null;
    clearTimeout(this.timer);
    clearTimeout(this.unreadTimer);
    clearTimeout(this.pongTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, "logged out");
    this.seen.clear();
    furthest.clear();
    this.attempts = 0;
    live.set({ connection: "off", unread: 0 });
  }

  /** After a 4002 pause: take a socket again. */
  resume(): void {
    if (this.userId === null || this.socket) return;
    this.attempts = 0;
    void this.connect();
  }

  private setConnection(connection: Connection): void {
    live.update((s) => ({ ...s, connection }));
  }

  private connectSoon(delayMs: number): void {
    clearTimeout(this.timer);
    this.setConnection("reconnecting");
    this.timer = setTimeout(() => void this.connect(), delayMs);
  }

  private backoff(): number {
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempts);
    this.attempts++;
    return base / 2 + Math.random() * (base / 2);
  }

  private async connect(): Promise<void> {
    const userId = this.userId;
    if (userId === null || this.socket) return;
    // A single-use ticket goes in the socket's URL, never the access token: URLs end up in logs.
    let ticket: string;
    try {
      ticket = (await call(() => api.POST("/api/notifications/ws-ticket"))).ticket;
    } catch {
      if (this.userId !== userId || this.socket) return;
      // The session ended (call() has logged out), or the network failed: try again later.
      if (!(await freshAccessToken())) return this.stop();
      return this.connectSoon(this.backoff());
    }
    if (this.userId !== userId || this.socket) return;
    const socket = new WebSocket(`${window.location.origin.replace(/^http/, "ws")}/api/notifications/ws?ticket=${encodeURIComponent(ticket)}`);
    this.socket = socket;
    const link: Link = { socket, opened: false, caughtUp: false, highest: this.resumeFrom };
    socket.onmessage = (event) => this.onMessage(link, event);
    socket.onopen = () => {
      if (this.socket !== socket) return;
      link.opened = true;
      void this.catchUp(link);
    };
    socket.onclose = (event) => this.onClose(link, event);
  }

  /** Remembers how far this socket has shown notifications, for the next reconnect. */
  private advance(link: Link): void {
    this.resumeFrom = link.highest;
    localStorage.setItem(this.storageKey, String(link.highest));
  }

  private onMessage(link: Link, event: MessageEvent): void {
    if (this.socket !== link.socket) return;
    let message: unknown;
    try {
      message = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const type = (message as { type?: unknown }).type;
    if (type === "pong") {
      clearTimeout(this.pongTimer);
      return;
    }
    if (type !== "order.status_changed") return;
    const note = message as Notification;
    if (this.show(note) && link.caughtUp) announcements.set(note);
    link.highest = Math.max(link.highest, note.id);
    if (link.caughtUp) this.advance(link); // in order, no gaps: safe to move on
  }

  /** Connected first, so nothing can fall between the catch-up and the pushes. */
  private async catchUp(link: Link): Promise<void> {
    const { socket } = link;
    try {
      let query: NotificationQuery | null = { after: String(this.resumeFrom), page_size: "100" };
      while (query) {
        const current: NotificationQuery = query;
        const page = await call(() => api.GET("/api/notifications", { params: { query: current } }));
        if (this.socket !== socket) return;
        for (const note of page.results) {
          this.show(note);
          link.highest = Math.max(link.highest, note.id);
        }
        query = page.next ? queryOf(page.next) : null;
      }
      link.caughtUp = true;
      this.advance(link);
      this.attempts = 0;
      this.setConnection("live");
      void this.refreshUnread();
    } catch {
      // A catch-up cut short is done again from the same place, on a new socket.
      if (this.socket === socket) socket.close(CATCH_UP_FAILED, "catch-up failed");
    }
  }

  private onClose(link: Link, event: CloseEvent): void {
    if (this.socket !== link.socket) return;
    this.socket = null;
    clearTimeout(this.pongTimer);
    if (this.userId === null) return;
    if (event.code === REPLACED) {
      this.setConnection("paused");
    } else if (event.code === SESSION_ENDED) {
      this.setConnection("reconnecting");
      void refreshTokens().then((ok) => (ok ? this.connectSoon(0) : this.stop()));
    } else if (event.code === RESYNC) {
      this.connectSoon(0);
    } else if (!link.opened) {
      // Refused before it opened: maybe the token. A REST call sorts that out: it refreshes the
      // token, or ends the session (and the app then stops this).
      this.connectSoon(this.backoff());
      void call(() => api.GET("/api/me")).catch(() => undefined);
    } else {
      this.connectSoon(this.backoff());
    }
  }

  /** Adds a notification once; true when it is new. */
  private show(note: Notification): boolean {
    if (this.seen.has(note.id)) return false; // pushed and also in the catch-up: show once
    this.seen.add(note.id);
    const known = furthest.get(note.order_id);
    if (!known || applyStatus(known.to_status, note) !== known.to_status) furthest.set(note.order_id, note);
    notificationFeed.set(note);
    if (note.read_at === null) {
      live.update((s) => ({ ...s, unread: s.unread + 1 }));
      this.scheduleUnreadRefresh();
    }
    return true;
  }

  /** The server's count wins over the nudges, a moment after a burst of pushes. */
  private scheduleUnreadRefresh(): void {
    clearTimeout(this.unreadTimer);
    this.unreadTimer = setTimeout(() => void this.refreshUnread(), 500);
  }

  async refreshUnread(): Promise<void> {
    const userId = this.userId;
    if (userId === null) return;
    try {
      const page = await call(() => api.GET("/api/notifications", { params: { query: { unread: "true", page_size: "1" } } }));
      if (this.userId === userId && page.count !== null) live.update((s) => ({ ...s, unread: page.count ?? s.unread }));
    } catch {
      // keep the nudged count
    }
  }

  /** A socket can die silently (a laptop that slept): ask for a pong, reconnect without one. */
  private checkAlive(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify({ type: "ping" }));
    clearTimeout(this.pongTimer);
    this.pongTimer = setTimeout(() => {
      if (this.socket === socket) socket.close(RESYNC, "no pong");
    }, 5000);
  }
}

export const notifications = new LiveNotifications();
