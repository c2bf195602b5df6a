import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import type { KeysetPosition, PageWindow } from "../lib/pagination";
import { conflict, notFound, unauthorized } from "../lib/problem";
import { ADDRESS_LIMIT, type AddressChanges, type AddressInputValue, type AddressResponse } from "./addresses.schemas";

/** The columns of an address as the API shows them (raw statements return them under these names). */
const addressColumns = sql.raw("id, name, line1, line2, city, region, postal_code, country, phone, is_default");

/**
 * Every change to a user's book first locks the user's row (the first statement of its batch), so
 * changes of one user take turns: the 20-address limit and the single default hold under
 * simultaneous requests, and each statement after the lock sees what the previous change committed.
 */
function lockUser(db: Database, userId: number) {
  return db.execute(sql`select 1 from users where id = ${userId} for no key update`);
}

/** A user deleted while their token is still valid: the insert's foreign key says so. */
function unknownUser(err: unknown): never {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23503") throw unauthorized("The access token names no user.");
  }
  throw err;
}

export const addressLimitReached = () =>
  conflict("address-limit", `An address book holds at most ${ADDRESS_LIMIT} addresses; delete one first.`, { max_addresses: ADDRESS_LIMIT });

/** Default first, then newest first; the cursor's value is the row's is_default. One round trip with the count. */
export async function listAddresses(db: Database, userId: number, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const after = window.after ? sql`and (is_default, id) < (${window.after.value}::boolean, ${window.after.id})` : sql``;
  const rows = db.execute<AddressResponse>(sql`
    select ${addressColumns} from addresses where user_id = ${userId} ${after}
    order by is_default desc, id desc limit ${window.limit} offset ${window.offset}`);
  if (!withCount) return { rows: (await rows).rows, count: null };
  const [page, counted] = await db.batch([rows, db.execute<{ n: number }>(sql`select count(*)::int as n from addresses where user_id = ${userId}`)]);
  return { rows: page.rows, count: { n: counted.rows[0]?.n ?? 0, estimated: false } };
}

export async function getAddress(db: Database, userId: number, id: number): Promise<AddressResponse> {
  const { rows } = await db.execute<AddressResponse>(sql`select ${addressColumns} from addresses where id = ${id} and user_id = ${userId}`);
  if (!rows[0]) throw notFound("Address");
  return rows[0];
}

/**
 * Adds an address in one batch: lock the user, clear the old default when this one takes its place,
 * insert only while the book has fewer than ADDRESS_LIMIT. The first address is the default.
 */
export async function createAddress(db: Database, userId: number, input: AddressInputValue & { is_default?: boolean }): Promise<AddressResponse> {
  const makeDefault = input.is_default === true;
  const roomLeft = sql`(select count(*) from addresses where user_id = ${userId}) < ${ADDRESS_LIMIT}`;
  const [, , { rows }] = await db
    .batch([
      lockUser(db, userId),
      db.execute(sql`update addresses set is_default = false, updated_at = now() where user_id = ${userId} and is_default and ${makeDefault}::boolean and ${roomLeft}`),
      db.execute<AddressResponse>(sql`
        insert into addresses (user_id, name, line1, line2, city, region, postal_code, country, phone, is_default)
        select ${userId}, ${input.name}, ${input.line1}, ${input.line2}, ${input.city}, ${input.region}, ${input.postal_code}, ${input.country}, ${input.phone},
               ${makeDefault}::boolean or not exists (select 1 from addresses where user_id = ${userId} and is_default)
        where ${roomLeft}
        returning ${addressColumns}`),
    ])
    .catch(unknownUser);
  if (!rows[0]) throw addressLimitReached();
  return rows[0];
}

const editable = ["name", "line1", "line2", "city", "region", "postal_code", "country", "phone"] as const;

/** Changes the fields sent; `is_default: true` moves the default here in the same batch. Another user's id is 404. */
export async function updateAddress(db: Database, userId: number, id: number, input: AddressChanges): Promise<AddressResponse> {
  const makeDefault = input.is_default === true;
  const changes: SQL[] = [];
  for (const field of editable) {
    const value = input[field];
    if (value !== undefined) changes.push(sql`${sql.identifier(field)} = ${value}`);
  }
  if (makeDefault) changes.push(sql`is_default = true`);
  changes.push(sql`updated_at = now()`);
  const [, , { rows }] = await db.batch([
    lockUser(db, userId),
    db.execute(sql`
      update addresses set is_default = false, updated_at = now()
      where user_id = ${userId} and is_default and id <> ${id} and ${makeDefault}::boolean
        and exists (select 1 from addresses where id = ${id} and user_id = ${userId})`),
    db.execute<AddressResponse>(sql`update addresses set ${sql.join(changes, sql`, `)} where id = ${id} and user_id = ${userId} returning ${addressColumns}`),
  ]);
  if (!rows[0]) throw notFound("Address");
  return rows[0];
}

/** Deletes an address; when it was the default, the most recently added remaining one becomes the default. */
export async function deleteAddress(db: Database, userId: number, id: number): Promise<void> {
  const [, { rows }] = await db.batch([
    lockUser(db, userId),
    db.execute<{ id: number }>(sql`delete from addresses where id = ${id} and user_id = ${userId} returning id`),
    db.execute(sql`
      update addresses set is_default = true, updated_at = now()
      where id = (select id from addresses where user_id = ${userId} order by id desc limit 1)
        and not exists (select 1 from addresses where user_id = ${userId} and is_default)`),
  ]);
  if (!rows[0]) throw notFound("Address");
}
