/** Ids are Postgres integer (int4) identity columns: a larger number never names a row. */
export const MAX_ID = 2_147_483_647;
