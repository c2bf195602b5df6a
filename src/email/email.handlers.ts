import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import type { AppRouteHandler } from "../lib/openapi";
import { buildPage, pageLinker, pageRequest, pageWindow, readCursor, signCursor } from "../lib/pagination";
import type { adminListEmailsRoute } from "./email.routes";
import { listEmails } from "./outbox";

export const adminListEmails: AppRouteHandler<typeof adminListEmailsRoute> = async (c) => {
  const { status, ...query } = c.req.valid("query");
  const request = pageRequest(query);
  const config = readConfig(c.env);
  const scope = `admin:${status ?? ""}`;
  const after = request.cursor ? await readCursor(config, request.cursor, "emails", scope) : undefined;
  const { rows, count } = await listEmails(useDb(c), currentUser(c).id, status, pageWindow(request, after), !request.cursor);
  const page = await buildPage({
    request,
    rows,
    count,
    toItem: (row) => row,
    cursorFor: (row) => signCursor(config, "emails", scope, { value: "", id: row.id }),
    link: pageLinker(new URL(c.req.url).origin, "/api/admin/emails", { status }, ["status"], request.pageSize),
  });
  return c.json(page, 200);
};
