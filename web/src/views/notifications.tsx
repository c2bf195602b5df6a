import { useEffect, useState } from "preact/hooks";
import { api, pathId, type Notification } from "../api/client";
import { live, notificationFeed, notifications as liveNotifications } from "../live";
import { href } from "../router";
import { call } from "../session";
import { useStore } from "../store";
import { ActionButton, formatDate, Loading, PageTitle, ProblemAlert, StatusBadge, useAsync } from "../ui";

export function NotificationsView() {
  const state = useStore(live);
  const [items, setItems] = useState<Notification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const first = useAsync(() => call(() => api.GET("/api/notifications", { params: { query: { page_size: "20" } } })), []);
  useEffect(() => {
    if (!first.data) return;
    setItems((current) => merge(current, first.data!.results));
    setCursor(first.data.next_cursor);
  }, [first.data]);
  // New ones arrive through the socket (pushes and catch-ups alike).
  useEffect(() => notificationFeed.subscribe((note) => note && setItems((current) => merge(current, [note]))), []);

  /** Marks read on the server, then here (every unread one when `note` is absent). */
  const markRead = async (note?: Notification) => {
    try {
      if (note) await call(() => api.POST("/api/notifications/{id}/read", { params: { path: { id: pathId(note.id) } } }));
      else await call(() => api.POST("/api/notifications/read"));
      const now = new Date().toISOString();
      setItems((current) => current.map((n) => (n.read_at || (note && n.id !== note.id) ? n : { ...n, read_at: now })));
      setError(null);
      await liveNotifications.refreshUnread();
    } catch (e) {
      setError(e);
    }
  };
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await call(() => api.GET("/api/notifications", { params: { query: { page_size: "20", cursor } } }));
      setItems((current) => merge(current, page.results));
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section>
      <PageTitle title="Notifications">Notifications</PageTitle>
      <p class="row">
        <span class="muted" aria-live="polite">
          {state.unread === 0 ? "Nothing unread" : `${state.unread} unread`}
        </span>
        {state.unread > 0 && (
          <ActionButton class="button button-quiet" onAction={() => markRead()}>
            Mark all read
          </ActionButton>
        )}
      </p>
      <ProblemAlert error={error ?? first.error} />
      {first.loading && items.length === 0 ? (
        <Loading what="notifications" />
      ) : items.length === 0 ? (
        <p>No notifications yet. Status changes of your orders show up here as they happen.</p>
      ) : (
        <ul class="list" aria-label="Notifications">
          {items.map((note) => (
            <NotificationItem key={note.id} note={note} onRead={markRead} />
          ))}
        </ul>
      )}
      {cursor && (
        <ActionButton class="button button-quiet more" onAction={loadMore}>
          Older notifications
        </ActionButton>
      )}
    </section>
  );
}

function NotificationItem({ note, onRead }: { note: Notification; onRead: (note: Notification) => Promise<void> }) {
  return (
    <li class={`card notification${note.read_at ? "" : " unread"}`}>
      <span class="grow">
        <a href={href(`/orders/${note.order_id}`)}>Order #{note.order_id}</a> is now <StatusBadge status={note.to_status} />
        <span class="muted"> (was {note.from_status})</span>
      </span>
      <span class="muted">{formatDate(note.created_at)}</span>
      {note.read_at ? (
        <span class="muted">Read</span>
      ) : (
        <ActionButton class="button button-quiet" label={`Mark notification about order ${note.order_id} read`} onAction={() => onRead(note)}>
          Mark read
        </ActionButton>
      )}
    </li>
  );
}

/** Newest first, each id once. */
function merge(current: Notification[], incoming: Notification[]): Notification[] {
  const byId = new Map(current.map((n) => [n.id, n]));
  for (const n of incoming) if (!byId.has(n.id)) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}
