import { navigate } from "../../router";
import { login, session } from "../../session";
import { useStore } from "../../store";
import { PageTitle, ProblemAlert, useFormAction } from "../../ui";
import { nextPath } from "./next-path";

export function LoginView({ query }: { query: URLSearchParams }) {
  const notice = useStore(session).notice;
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    await login(String(data.get("email")), String(data.get("password")));
    navigate(`#${nextPath(query)}`, { replace: true });
  });
  return (
    <section class="narrow">
      <PageTitle title="Log in">Log in</PageTitle>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <form class="stack" onSubmit={onSubmit}>
        <div class="field">
          <label for="login-email">Email</label>
          <input id="login-email" name="email" type="email" autoComplete="username" required />
        </div>
        <div class="field">
          <label for="login-password">Password</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <ProblemAlert error={error} />
        <button class="button button-primary" type="submit" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </form>
      <p>
        <a href="#/forgot-password">Forgot password?</a>
      </p>
      <p>
        New here? <a href={`#/register${query.get("next") ? `?next=${encodeURIComponent(nextPath(query))}` : ""}`}>Create an account</a>.
      </p>
    </section>
  );
}
