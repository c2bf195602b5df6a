import { and, asc, desc, eq, gt, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client";
import { notifications } from "../db/schema";
import type { Env } from "../env";
import { buildPage, readCursor, signCursor, type Page, type PageRequest } from "../lib/pagination";
import { notFound, Problem } from "../lib/problem";
import type { NotificationMessage } from "./push";

type Row = typeof notifications.$inferSelect;

export function toNotification(row: Row): NotificationMessage {
  return {
    id: row.id,
    type: "order.status_changed",
    order_id: row.orderId,
    from_status: row.fromStatus,
    to_status: row.toStatus,
    created_at: row.createdAt.toISOString(),
    read_at: row.readAt ? row.readAt.toISOString() : null,
  };
}

const cursorSchema = z.object({ k: z.literal("notifications"), s: z.string(), id: z.number().int() });

/** Newest first; with `after`, only newer ones, oldest first, so a reconnecting client replays in order. */
export async function listNotifications(
  db: Executor,
  env: Env,
  url: string,
  userId: number,
  request: PageRequest,
  filters: { after?: number; unread?: "true" | "false" },
): Promise<Page<NotificationMessage>> {
  const ascending = filters.after !== undefined;
  const scope = JSON.stringify([userId, filters.after ?? null, filters.unread ?? null]);
  const where: (SQL | undefined)[] = [
    eq(notifications.userId, userId),
    filters.after !== undefined ? gt(notifications.id, filters.after) : undefined,
    filters.unread === "true" ? isNull(notifications.readAt) : filters.unread === "false" ? isNotNull(notifications.readAt) : undefined,
  ];
  const countWhere = and(...where);
  if (request.cursor) {
    const c = await readCursor(env, request.cursor, cursorSchema);
    if (c.s !== scope) throw new Problem(400, "invalid-cursor", "The cursor belongs to another query.", { errors: [{ path: "cursor", message: "Invalid cursor." }] });
    where.push(ascending ? gt(notifications.id, c.id) : lt(notifications.id, c.id));
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(ascending ? asc(notifications.id) : desc(notifications.id))
    .limit(request.pageSize + 1)
    .offset(request.cursor ? 0 : (request.page - 1) * request.pageSize);
  const total = request.cursor ? null : await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(countWhere);
  return buildPage({
    url,
    request,
    rows,
    count: total ? total[0]!.n : null,
    toItem: toNotification,
    cursorFor: (row) => signCursor(env, { k: "notifications", s: scope, id: row.id }),
  });
}

/** The id of the user's newest notification, 0 if none. */
export async function latestNotificationId(db: Executor, userId: number): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${notifications.id}), 0)::int` }).from(notifications).where(eq(notifications.userId, userId));
  return row?.id ?? 0;
}

/** The user's notifications with ids in (after, before), oldest first: what a push that overtook others skipped. */
export async function notificationsBetween(db: Executor, userId: number, after: number, before: number): Promise<NotificationMessage[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.id, after), lt(notifications.id, before)))
    .orderBy(asc(notifications.id));
  return rows.map(toNotification);
}

export async function markRead(db: Executor, userId: number, id: number): Promise<void> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (!row) throw notFound("Notification");
}

export async function markAllRead(db: Executor, userId: number): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
