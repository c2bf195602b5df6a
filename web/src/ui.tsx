import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, NETWORK_PROBLEM, type OrderStatus, type Problem } from "./api/client";

export function problemFrom(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { ...NETWORK_PROBLEM, title: "Something went wrong", detail: error instanceof Error ? error.message : String(error) };
}

/** A problem+json answer in words: title, detail, the fields at fault, the products that are short. */
export function ProblemAlert({ error, children }: { error: unknown; children?: ComponentChildren }) {
  if (!error) return null;
  const problem = problemFrom(error);
  return (
    <div class="alert" role="alert">
      <p class="alert-title">{problem.title}</p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path ? <strong>{e.path}: </strong> : null}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

export function StatusBadge({ status }: { status: OrderStatus }) {
  return <span class={`badge badge-${status}`} data-status={status}>{status}</span>;
}

export function Price({ value }: { value: string }) {
  return <span class="price">{value}</span>;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(value: T): void;
}

/** Loads with `load` whenever `deps` change; a stale answer never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => ticket === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => ticket === latest.current && setState((s) => ({ ...s, error, loading: false })),
    );
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((data: T) => setState({ data, error: null, loading: false }), []);
  return { ...state, reload, setData };
}

/** The screen's heading (the app moves focus to it when the screen changes) and the tab's title. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  useEffect(() => {
    document.title = `${title} · Edge Shop`;
  }, [title]);
  return <h1 tabIndex={-1}>{children}</h1>;
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {what}…
    </p>
  );
}

/**
 * A form's submit handler that runs one async action at a time: `busy` while it runs (a second
 * submit meanwhile is dropped), and the error it threw (cleared by the next success) for a ProblemAlert.
 */
export function useFormAction(action: (form: HTMLFormElement) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await action(event.currentTarget as HTMLFormElement);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, error, onSubmit };
}

/** A button that runs an async action once at a time (disabled while it runs). */
export function ActionButton(props: { onAction: () => Promise<unknown>; children: ComponentChildren; class?: string; label?: string; disabled?: boolean }) {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  return (
    <button
      type="button"
      class={props.class}
      aria-label={props.label}
      disabled={busy || props.disabled}
      onClick={async () => {
        if (running.current) return;
        running.current = true;
        setBusy(true);
        try {
          await props.onAction();
        } finally {
          running.current = false;
          setBusy(false);
        }
      }}
    >
      {props.children}
    </button>
  );
}

/** A form's submit button (disabled while it runs) and, when the form can be left, Cancel. */
export function FormActions({ busy, label, onCancel, class: className = "row" }: { busy: boolean; label: string; onCancel?: () => void; class?: string }) {
  return (
    <div class={className}>
      <button class="button button-primary" type="submit" disabled={busy}>
        {label}
      </button>
      {onCancel && (
        <button class="button button-quiet" type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
