import { api, ApiError } from "../../api/client";
import { navigate } from "../../router";
import { call, endSession } from "../../session";
import { PageTitle, ProblemAlert, useFormAction } from "../../ui";

/** A problem of this form that is no API answer (the two fields differ). */
class FormProblem extends Error {}

/**
 * Where the mailed reset link lands (`#/reset-password?token=…`, built in src/email/templates.ts;
 * a fragment never reaches a server or a Referer). The password rules are the API's (8 to 128
 * characters): the form states them and shows the API's problem rather than checking them twice.
 * A success ends every session of the user (the server's doing): this tab forgets its own and sends
 * the user to log in with the new password.
 */
export function ResetPasswordView({ query }: { query: URLSearchParams }) {
  const token = query.get("token") ?? "";
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const password = String(data.get("password"));
    if (password !== String(data.get("repeat"))) throw new FormProblem("The two passwords differ.");
    await call(() => api.POST("/api/auth/password-reset/confirm", { body: { token, password } }));
    endSession("Your password has been changed and you are signed out everywhere. Log in with the new password.");
    navigate("#/login", { replace: true });
  });
  const linkDead = error instanceof ApiError && error.status === 400 && error.problem.errors?.some((e) => e.path === "token") === true;
  return (
    <section class="narrow">
      <PageTitle title="Choose a new password">Choose a new password</PageTitle>
      {!token || linkDead ? (
        <LinkProblem />
      ) : (
        <form class="stack" onSubmit={onSubmit}>
          <div class="field">
            <label for="reset-password">New password</label>
            <input id="reset-password" name="password" type="password" autoComplete="new-password" required aria-describedby="reset-password-rules" />
            <span id="reset-password-rules" class="hint">
              8 to 128 characters. Any characters, spaces too: a few words you remember are a good password.
            </span>
          </div>
          <div class="field">
            <label for="reset-repeat">Repeat the new password</label>
            <input id="reset-repeat" name="repeat" type="password" autoComplete="new-password" required />
          </div>
          {error instanceof FormProblem ? (
            <div class="alert" role="alert">
              <p class="alert-title">{error.message}</p>
            </div>
          ) : (
            <ProblemAlert error={error} />
          )}
          <button class="button button-primary" type="submit" disabled={busy}>
            {busy ? "Saving…" : "Set the new password"}
          </button>
          <p class="muted">Setting it signs you out on every device.</p>
        </form>
      )}
    </section>
  );
}

function LinkProblem() {
  return (
    <div class="alert" role="alert">
      <p class="alert-title">This link has been used or has expired</p>
      <p>
        A reset link works once, for 30 minutes. <a href="#/forgot-password">Ask for a new link</a>.
      </p>
    </div>
  );
}
