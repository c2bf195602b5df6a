import { useEffect, useState } from "preact/hooks";
import type { Order } from "../../api/client";
import { ActionButton, ProblemAlert } from "../../ui";

/** Milliseconds until `iso`, ticking once a second (never below 0). */
function useRemaining(iso: string | null): number | null {
  const until = iso ? new Date(iso).getTime() : null;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? null : Math.max(0, until - now);
}

function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return `${minutes}:${seconds}`;
}

/**
 * Paying a pending, unpaid order: the Pay button (off to Stripe's hosted page, which comes back to
 * this page), the time left before the order cancels itself and its stock goes back, and after a
 * declined payment (Stripe's cancel_url adds ?payment=cancelled) the offer to pay again. When the
 * time is up, the page waits for the order's change to arrive (the socket, or the guest page's poll).
 */
export function PayPanel({ order, declined, pay }: { order: Order; declined: boolean; pay(): Promise<{ checkout_url: string }> }) {
  const remaining = useRemaining(order.expires_at);
  const [error, setError] = useState<unknown>(null);
  if (order.status !== "pending" || order.payment_status !== "unpaid") return null;
  const over = remaining === 0;
  const start = async () => {
    try {
      const session = await pay();
      setError(null);
      window.location.assign(session.checkout_url);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div class="pay card">
      {declined && !over && (
        <p class="alert" role="alert">
          <span class="alert-title">The payment did not go through.</span> Nothing was charged. You can pay again.
        </p>
      )}
      {remaining !== null &&
        (over ? (
          <p role="status">Time is up: the order is being cancelled and its items go back on sale.</p>
        ) : (
          <p>
            Pay within <span role="timer" class="countdown" aria-label={`${Math.ceil(remaining / 60000)} minutes left to pay`}>{formatRemaining(remaining)}</span>: after that the order cancels itself and its items go back on sale.
          </p>
        ))}
      {!over && (
        <ActionButton class="button button-primary" onAction={start}>
          {declined ? "Pay again" : `Pay ${order.total} ${order.currency.toUpperCase()}`}
        </ActionButton>
      )}
      <ProblemAlert error={error} />
    </div>
  );
}
