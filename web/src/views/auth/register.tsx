import { navigate } from "../../router";
import { register } from "../../session";
import { PageTitle, ProblemAlert, useFormAction } from "../../ui";
import { nextPath } from "./next-path";

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
