import { and, asc, desc, eq, gt, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { notifications } from "../db/schema";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import { notFound } from "../lib/problem";
import type { NotificationMessage } from "./push";

export type NotificationRow = typeof notifications.$inferSelect;

export function toNotification(row: NotificationRow): NotificationMessage {
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

export interface NotificationFilters {
  after?: number;
  unread?: "true" | "false";
}

/**
 * Newest first; with `after`, only newer ones, oldest first, so a reconnecting client replays in
 * order. Rows and count in one round trip.
 */
export async function listNotifications(db: Database, userId: number, filters: NotificationFilters, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const ascending = filters.after !== undefined;
  const matching = and(
    eq(notifications.userId, userId),
    filters.after !== undefined ? gt(notifications.id, filters.after) : undefined,
    filters.unread === "true" ? isNull(notifications.readAt) : filters.unread === "false" ? isNotNull(notifications.readAt) : undefined,
  );
  const after = window.after ? (ascending ? gt(notifications.id, window.after.id) : lt(notifications.id, window.after.id)) : undefined;
  const rows = db
    .select()
    .from(notifications)
    .where(and(matching, after))
    .orderBy(ascending ? asc(notifications.id) : desc(notifications.id))
    .limit(window.limit)
    .offset(window.offset);
  if (!withCount) return { rows: await rows, count: null };
  const [page, counted, plan] = await db.batch([rows, boundedCount(db, notifications, matching), estimatedCount(db, notifications, matching)]);
  return { rows: page, count: toCount(counted, plan) as Count | null };
}

/** The id of the user's newest notification (0 if none), or null when the user no longer exists. */
export async function latestNotificationId(db: Database, userId: number): Promise<number | null> {
  const { rows } = await db.execute<{ id: number | null }>(sql`
    select case when exists (select 1 from users where id = ${userId})
      then (select coalesce(max(id), 0) from notifications where user_id = ${userId}) end as id`);
  return rows[0]?.id ?? null;
}

/** The user's notifications with ids in (after, before), oldest first: what a push that overtook others skipped. */
export async function notificationsBetween(db: Database, userId: number, after: number, before: number): Promise<NotificationMessage[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.id, after), lt(notifications.id, before)))
    .orderBy(asc(notifications.id));
  return rows.map(toNotification);
}

export async function markRead(db: Database, userId: number, id: number): Promise<void> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (!row) throw notFound("Notification");
}

export async function markAllRead(db: Database, userId: number): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
