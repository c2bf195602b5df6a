import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { call } from "../../session";
import { PageTitle, ProblemAlert, useFormAction } from "../../ui";

/** Asks for a reset link. The answer is the same whether or not an account uses the email. */
export function ForgotPasswordView() {
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const email = String(new FormData(form).get("email"));
    const answer = await call(() => api.POST("/api/auth/password-reset", { body: { email } }));
    setSent(answer.message);
  });
  return (
    <section class="narrow">
      <PageTitle title="Forgot password">Reset your password</PageTitle>
      {sent ? (
        <p class="notice" role="status">
          {sent}
        </p>
      ) : (
        <form class="stack" onSubmit={onSubmit}>
          <p>Give the email address of your account and we will mail you a link to choose a new password.</p>
          <div class="field">
            <label for="forgot-email">Email</label>
            <input id="forgot-email" name="email" type="email" autoComplete="email" required />
          </div>
          <ProblemAlert error={error} />
          <button class="button button-primary" type="submit" disabled={busy}>
            {busy ? "Sending…" : "Send the link"}
          </button>
        </form>
      )}
      <p>
        Remembered it? <a href="#/login">Log in</a>.
      </p>
    </section>
  );
}
