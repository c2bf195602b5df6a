import { navigate } from "../router";
import { login, register, session } from "../session";
import { useStore } from "../store";
import { PageTitle, ProblemAlert, useFormAction } from "../ui";

/** Where to go after logging in: a hash path of this app, never another site. */
function nextPath(query: URLSearchParams): string {
  const next = query.get("next") ?? "/";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

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
        New here? <a href={`#/register${query.get("next") ? `?next=${encodeURIComponent(nextPath(query))}` : ""}`}>Create an account</a>.
      </p>
    </section>
  );
}

export function RegisterView({ query }: { query: URLSearchParams }) {
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const name = String(data.get("name") ?? "").trim();
    await register({ email: String(data.get("email")), password: String(data.get("password")), ...(name ? { name } : {}) });
    navigate(`#${nextPath(query)}`, { replace: true });
  });
  return (
    <section class="narrow">
      <PageTitle title="Create an account">Create an account</PageTitle>
      <form class="stack" onSubmit={onSubmit}>
        <div class="field">
          <label for="reg-name">Name (optional)</label>
          <input id="reg-name" name="name" autoComplete="name" maxLength={100} />
        </div>
        <div class="field">
          <label for="reg-email">Email</label>
          <input id="reg-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div class="field">
          <label for="reg-password">Password</label>
          <input id="reg-password" name="password" type="password" autoComplete="new-password" minLength={8} maxLength={128} required aria-describedby="reg-password-hint" />
          <span id="reg-password-hint" class="hint">
            8 to 128 characters.
          </span>
        </div>
        <ProblemAlert error={error} />
        <button class="button button-primary" type="submit" disabled={busy}>
          {busy ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p>
        Already have an account? <a href="#/login">Log in</a>.
      </p>
    </section>
  );
}
