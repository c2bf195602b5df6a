// The sockets scenario's verdicts: the server's full notification list against what the admins
// committed, and each device's copy against the server's, as count rows and notes.
import { ApiClient, expectStatus, fmtMs, type Count, type Res } from "../harness.ts";
import type { AdminStream } from "./admin.ts";
import type { Device, Note } from "./device.ts";

const changeKey = (n: Note) => `${n.order_id}:${n.to_status}`;

/** Whether the device has the notification of the change "order:to". */
export const hasChange = (d: Device, key: string): boolean => [...d.seen.values()].some((n) => changeKey(n) === key);

/** Every notification of the user (all pages), by id. */
export async function serverNotes(http: ApiClient, token: string): Promise<Map<number, Note>> {
  const server = new Map<number, Note>();
  let path: string | null = "/api/notifications?page_size=100";
  while (path) {
    const res: Res = expectStatus(await http.req("GET", path, { token }), 200);
    for (const n of res.body.results) server.set(n.id, n);
    path = res.body.next ? ApiClient.pathOf(res.body.next) : null;
  }
  return server;
}

/** The server's list against the admins' changes: rows, notes. */
export function judgeServer(admin: AdminStream, server: Map<number, Note>, requests: string): { counts: Count[]; notes: string[] } {
  const serverKeys = new Set([...server.values()].map(changeKey));
  const missingOnServer = [...admin.committed.keys()].filter((k) => !serverKeys.has(k));
  const unexplainedOnServer = [...serverKeys].filter((k) => !admin.committed.has(k));
  const serverDupes = server.size - serverKeys.size;
  const counts: Count[] = [
    { label: "HTTP requests sent (+ WebSocket connects)", value: requests },
    { label: "status changes committed (admin 2xx, set-up included)", value: admin.committed.size },
    { label: "status changes planned (+ made in the set-up)", value: `${admin.total} (+${admin.setup})` },
    { label: "PATCH attempts without answer (wrangler down)", value: admin.refused },
    { label: "PATCH committed by an interrupted request", value: admin.ambiguous },
    { label: "PATCH 5xx", value: admin.fiveXX, mustBeZero: true },
    { label: "PATCH unexpected 4xx", value: admin.unexpected, mustBeZero: true },
    { label: "changes missing from GET /api/notifications", value: missingOnServer.length, mustBeZero: true },
    { label: "notifications the admin did not make", value: unexplainedOnServer.length + serverDupes, mustBeZero: true },
  ];
  const notes: string[] = [...admin.events.map((e) => `fault: ${e}`), ...admin.problems];
  if (admin.restartInfo) notes.push(`wrangler restart: ${admin.restartInfo}`);
  for (const k of missingOnServer) notes.push(`outbox lost: order ${k} committed by the admin but not listed by GET /api/notifications`);
  return { counts, notes };
}

/** One device's copy against the server's list; `tStream` is when the admins started. Returns how many it lost. */
export function judgeDevice(d: Device, admin: AdminStream, server: Map<number, Note>, tStream: number, out: { counts: Count[]; notes: string[] }): number {
  const { counts, notes } = out;
  const lostIds = [...server.keys()].filter((id) => !d.seen.has(id));
  const lostKeys = [...admin.committed.keys()].filter((k) => !hasChange(d, k));
  const phantom = [...d.seen.keys()].filter((id) => !server.has(id));
  const lost = new Set([...lostIds.map((id) => changeKey(server.get(id)!)), ...lostKeys]).size;
  counts.push(
    { label: `${d.name}: lost notifications`, value: lost, mustBeZero: true },
    { label: `${d.name}: unknown ids (not on server)`, value: phantom.length, mustBeZero: true },
    { label: `${d.name}: malformed messages`, value: d.malformed.length, mustBeZero: true },
    { label: `${d.name}: got by socket / by catch-up`, value: `${d.viaSocket} / ${d.viaCatchUp}` },
    { label: `${d.name}: duplicates de-duplicated (socket / catch-up)`, value: `${d.dedupSocket} / ${d.dedupCatchUp}` },
    { label: `${d.name}: connects (terminated by us)`, value: `${d.connects} (${d.terminated})` },
    { label: `${d.name}: socket messages out of id order`, value: d.outOfOrder, mustBeZero: true },
    { label: `${d.name}: catch-up requests (failed)`, value: `${d.catchUpRequests} (${d.catchUpFailures})` },
    { label: `${d.name}: reconnect gave up`, value: d.errors.length, mustBeZero: true },
  );
  for (const id of lostIds) {
    const n = server.get(id)!;
    const patch = admin.patchTimes.get(changeKey(n));
    notes.push(
      `${d.name} lost id ${id} (order ${n.order_id} ${n.from_status}→${n.to_status}, created ${n.created_at}` +
        (patch ? `, its PATCH ran ${fmtMs(patch.start - tStream)}–${fmtMs(patch.end - tStream)} into the stream` : "") +
        `); highest id it saw: ${d.maxId}`,
    );
  }
  if (lostIds.length) notes.push(`${d.name} arrival order: ${d.trace.join(" ")}`);
  for (const m of d.malformed.slice(0, 3)) notes.push(`${d.name} malformed message: ${m}`);
  for (const e of d.errors) notes.push(`${d.name}: ${e}`);
  return lost;
}
