import { connect } from "cloudflare:sockets";
import { inject } from "vitest";

function encode(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${new TextEncoder().encode(a).length}\r\n${a}\r\n`).join("")}`;
}

/** One raw RESP command straight to the test Redis (not through the Upstash bridge or the app). */
export async function redisCommand(...args: string[]): Promise<string | number | null> {
  const url = new URL(inject("redisUrl"));
  const socket = connect({ hostname: url.hostname, port: Number(url.port) });
  const writer = socket.writable.getWriter();
  await writer.write(new TextEncoder().encode(encode(args)));
  const reader = socket.readable.getReader();
  let text = "";
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (value) text += decoder.decode(value, { stream: true });
    const reply = parseReply(text);
    if (reply !== undefined || done) {
      await socket.close();
      return reply ?? null;
    }
  }
}

function parseReply(text: string): string | number | null | undefined {
  const end = text.indexOf("\r\n");
  if (end < 0) return undefined;
  const kind = text[0];
  const head = text.slice(1, end);
  if (kind === "+") return head;
  if (kind === ":") return Number(head);
  if (kind === "-") throw new Error(head);
  if (kind === "$") {
    const len = Number(head);
    if (len < 0) return null;
    const bytes = new TextEncoder().encode(text.slice(end + 2));
    if (bytes.length < len + 2) return undefined;
    return new TextDecoder().decode(bytes.slice(0, len));
  }
  throw new Error(`unsupported reply ${kind}`);
}
