import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { byId, listJson, listRead, type ListDefinition } from "../lib/list-read";
import type { AppRouteHandler } from "../lib/openapi";
import type { adminListEmailsRoute } from "./email.routes";
import { listEmails } from "./outbox";

const EMAILS: ListDefinition = { kind: "emails", path: "/api/admin/emails", params: ["status"] };

export const adminListEmails: AppRouteHandler<typeof adminListEmailsRoute> = async (c) => {
  const query = c.req.valid("query");
  const list = listRead(readConfig(c.env), EMAILS, query);
  const { rows, count } = await listEmails(useDb(c), currentUser(c).id, query.status, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, byId, (row) => row));
};
