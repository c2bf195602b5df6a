import { api, ApiError } from "../../api/client";
import { call, loadUser, session } from "../../session";
import { useStore } from "../../store";
import { Loading, PageTitle, ProblemAlert, useAsync } from "../../ui";

/**
 * Where the mailed verification link lands (`#/verify-email?token=…`, src/email/templates.ts). It
 * confirms on arrival: opening the link is the request. No login needed (the link may be opened on
 * another device); a signed-in tab reloads its user so the banner goes away.
 */
export function VerifyEmailView({ query }: { query: URLSearchParams }) {
  const token = query.get("token") ?? "";
  const signedIn = useStore(session).tokens !== null;
  const outcome = useAsync(async () => {
    if (!token) return false;
    try {
      await call(() => api.POST("/api/auth/verify-email/confirm", { body: { token } }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) return false;
      throw err;
    }
    if (session.get().tokens) await loadUser().catch(() => undefined);
    return true;
  }, [token]);
  return (
    <section class="narrow">
      <PageTitle title="Confirm your email">Confirm your email address</PageTitle>
      {outcome.loading ? (
        <Loading what="the confirmation" />
      ) : outcome.error ? (
        <ProblemAlert error={outcome.error}>
          <button type="button" class="button" onClick={outcome.reload}>
            Try again
          </button>
        </ProblemAlert>
      ) : outcome.data ? (
        <div class="notice" role="status">
          <p>Your email address is confirmed. Thank you!</p>
          <p>
            <a href="#/">Go to the shop</a>
          </p>
        </div>
      ) : (
        <div class="alert" role="alert">
          <p class="alert-title">This link has been used or has expired</p>
          <p>
            A verification link works for 24 hours.{" "}
            {signedIn ? "Ask for a new one with “Send the link again” above." : <><a href="#/login">Log in</a> to ask for a new one.</>}
          </p>
        </div>
      )}
    </section>
  );
}
