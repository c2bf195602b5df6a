// How both bridges put their HTTP server on the network.
import type http from "node:http";

/** Listens on host:port (0: a free port) and resolves with the port it got. */
export async function listen(server: http.Server, port: number, host: string): Promise<number> {
  // Small request/response pairs: without this, Nagle + delayed ACK adds ~40 ms per call.
  server.on("connection", (socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}
