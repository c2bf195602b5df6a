import { useEffect, useState } from "preact/hooks";
import { useAsync } from "../../ui";

interface Page<T> {
  results: T[];
  next_cursor: string | null;
}

/**
 * A list screen's rows: the first page (loaded again when `deps` change), more by keyset cursor,
 * and local edits (a row created, changed or deleted) without loading everything again.
 */
export function usePagedList<T extends { id: number }>(load: (cursor: string | undefined) => Promise<Page<T>>, deps: unknown[]) {
  const first = useAsync(() => load(undefined), deps);
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!first.data) return;
    setRows(first.data.results);
    setCursor(first.data.next_cursor);
  }, [first.data]);
  return {
    rows,
    loading: first.loading && rows.length === 0,
    error: first.error ?? error,
    more: cursor !== null,
    async loadMore() {
      if (cursor === null) return;
      try {
        const page = await load(cursor);
        setRows((current) => [...current, ...page.results]);
        setCursor(page.next_cursor);
        setError(null);
      } catch (e) {
        setError(e);
      }
    },
    added: (row: T) => setRows((current) => [row, ...current]),
    replaced: (row: T) => setRows((current) => current.map((r) => (r.id === row.id ? row : r))),
    removed: (id: number) => setRows((current) => current.filter((r) => r.id !== id)),
  };
}
