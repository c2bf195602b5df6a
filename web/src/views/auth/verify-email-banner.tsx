import { useState } from "preact/hooks";
import { api, ApiError } from "../../api/client";
import { call, loadUser, session } from "../../session";
import { useStore } from "../../store";
import { ActionButton, ProblemAlert } from "../../ui";

/** Shown to a signed-in user whose email is not confirmed yet, with a way to have the link sent again. */
export function VerifyEmailBanner() {
  const user = useStore(session).user;
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!user || user.email_verified_at !== null) return null;
  const sendAgain = async () => {
    try {
      const answer = await call(() => api.POST("/api/auth/verify-email"));
      setSent(answer.message);
      setError(null);
    } catch (err) {
      // Confirmed meanwhile (in another tab, or on another device): the user says so, the banner goes.
      if (err instanceof ApiError && err.status === 409) await loadUser().catch(() => undefined);
      else setError(err);
    }
  };
  return (
    <section class="banner" aria-label="Account verification">
      <p>
        <strong>Please confirm your email address.</strong> We sent a link to {user.email}.
      </p>
      <ActionButton class="button" onAction={sendAgain}>
        Send the link again
      </ActionButton>
      <p role="status" class="banner-status">
        {sent}
      </p>
      <ProblemAlert error={error} />
    </section>
  );
}
