// Waiting for a WebSocket of the `ws` package to open: the notification sockets of `npm run bench
// -- ws` and the profiler's DevTools connection.
import type WebSocket from "ws";

/**
 * The socket, once it is open; rejects with its error if it fails first. Listeners added before
 * the call (a "message" handler) miss nothing.
 */
export function opened(socket: WebSocket): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}
