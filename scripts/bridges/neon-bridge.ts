// WebSocket → TCP bridge: lets the Neon serverless driver reach a plain Postgres (local dev and tests).
import net from "node:net";
import { pathToFileURL } from "node:url";
import { WebSocketServer, type WebSocket } from "ws";

export interface NeonBridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startNeonBridge(opts: { postgresHost: string; postgresPort: number; port?: number; host?: string }): Promise<NeonBridge> {
  const host = opts.host ?? "127.0.0.1";
  const allowed = `${opts.postgresHost}:${opts.postgresPort}`;
  const sockets = new Set<{ ws: WebSocket; tcp: net.Socket }>();
  const server = new WebSocketServer({
    host,
    port: opts.port ?? 0,
    path: "/v2",
    // Only the configured Postgres: the bridge must not become an open proxy.
    verifyClient: (info, done) => {
      const address = new URL(info.req.url ?? "/", "http://bridge").searchParams.get("address");
      if (address === allowed) done(true);
      else done(false, 403, "address not allowed");
    },
  });
  server.on("connection", (ws, req) => {
    const tcp = net.connect({ host: opts.postgresHost, port: opts.postgresPort });
    const pair = { ws, tcp };
    sockets.add(pair);
    const closeBoth = () => {
      sockets.delete(pair);
      tcp.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    };
    tcp.setNoDelay(true);
    tcp.on("data", (chunk) => {
      if (ws.readyState === ws.OPEN) ws.send(chunk);
    });
    ws.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
      const chunk = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      tcp.write(chunk);
    });
    tcp.on("error", closeBoth);
    tcp.on("close", closeBoth);
    ws.on("error", closeBoth);
    ws.on("close", closeBoth);
    void req;
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `ws://${host}:${port}/v2`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const { ws, tcp } of sockets) {
          tcp.destroy();
          ws.terminate();
        }
        sockets.clear();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bridge = await startNeonBridge({
    postgresHost: process.env.PG_HOST ?? "127.0.0.1",
    postgresPort: Number(process.env.PG_PORT ?? 5432),
    port: Number(process.env.PORT ?? 0),
  });
  console.log(`neon bridge listening on ${bridge.url} → ${process.env.PG_HOST ?? "127.0.0.1"}:${process.env.PG_PORT ?? 5432}`);
}
