// A small RESP2 client: enough for the Upstash bridge (commands in, replies out, FIFO pipelining).
import net from "node:net";

export type RespValue = string | number | null | RespValue[] | RespError;

export class RespError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

interface Pending {
  resolve: (value: RespValue) => void;
  reject: (err: Error) => void;
}

function encodeCommand(args: (string | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.from(String(arg), "utf8");
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

/** Parses one reply from `buf` at `offset`; returns undefined when more bytes are needed. */
function parse(buf: Buffer, offset: number): { value: RespValue; next: number } | undefined {
  const end = buf.indexOf("\r\n", offset);
  if (end < 0) return undefined;
  const kind = String.fromCharCode(buf[offset]!);
  const head = buf.toString("utf8", offset + 1, end);
  const after = end + 2;
  switch (kind) {
    case "+":
      return { value: head, next: after };
    case "-":
      return { value: new RespError(head), next: after };
    case ":":
      return { value: Number(head), next: after };
    case "$": {
      const len = Number(head);
      if (len < 0) return { value: null, next: after };
      if (buf.length < after + len + 2) return undefined;
      return { value: buf.toString("utf8", after, after + len), next: after + len + 2 };
    }
    case "*": {
      const count = Number(head);
      if (count < 0) return { value: null, next: after };
      const items: RespValue[] = [];
      let cursor = after;
      for (let i = 0; i < count; i++) {
        const item = parse(buf, cursor);
        if (!item) return undefined;
        items.push(item.value);
        cursor = item.next;
      }
      return { value: items, next: cursor };
    }
    default:
      throw new Error(`unexpected RESP type byte ${JSON.stringify(kind)}`);
  }
}

/**
 * One lazily (re)connected socket. Commands written in one call are contiguous on the wire,
 * so a MULTI…EXEC batch cannot interleave with another request's commands.
 */
export class RespClient {
  private socket: net.Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending[] = [];
  private readonly host: string;
  private readonly port: number;
  private readonly connectTimeoutMs: number;

  constructor(url: string, connectTimeoutMs = 1000) {
    const parsed = new URL(url);
    this.host = parsed.hostname || "127.0.0.1";
    this.port = Number(parsed.port || 6379);
    this.connectTimeoutMs = connectTimeoutMs;
  }

  private connect(): Promise<net.Socket> {
    if (this.socket) return Promise.resolve(this.socket);
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        socket.destroy(new Error(`redis connect timeout after ${this.connectTimeoutMs} ms`));
      }, this.connectTimeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        this.socket = socket;
        resolve(socket);
      });
      socket.on("data", (chunk) => this.onData(chunk));
      socket.on("error", (err) => {
        clearTimeout(timer);
        this.fail(err);
        reject(err);
      });
      socket.on("close", () => this.fail(new Error("redis connection closed")));
    });
  }

  private fail(err: Error) {
    this.socket?.destroy();
    this.socket = null;
    this.buffer = Buffer.alloc(0);
    const waiting = this.pending;
    this.pending = [];
    for (const p of waiting) p.reject(err);
  }

  private onData(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      const reply = parse(this.buffer, offset);
      if (!reply) break;
      offset = reply.next;
      this.pending.shift()?.resolve(reply.value);
    }
    this.buffer = this.buffer.subarray(offset);
  }

  /** Sends all commands in one write; resolves with one reply per command. */
  async send(commands: (string | number)[][]): Promise<RespValue[]> {
    const socket = await this.connect();
    const replies = commands.map(() => new Promise<RespValue>((resolve, reject) => this.pending.push({ resolve, reject })));
    socket.write(Buffer.concat(commands.map(encodeCommand)));
    return Promise.all(replies);
  }

  close() {
    this.socket?.destroy();
    this.socket = null;
  }
}
