import { createStore } from "./store";

/** One short message at a time, read out by the page's status region. */
export const toast = createStore<{ id: number; text: string } | null>(null);
let counter = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export function say(text: string): void {
  toast.set({ id: ++counter, text });
  clearTimeout(timer);
  timer = setTimeout(() => toast.set(null), 5000);
}
