import { type SQL, sql } from "drizzle-orm";

/** An id that no row has: an empty list still renders as valid SQL that matches nothing. */
const NO_ID = "00000000-0000-0000-0000-000000000000";

/** `(…)` for `x in ${uuidList(ids)}` in raw SQL: each id a uuid parameter, duplicates dropped. */
export const uuidList = (ids: string[]): SQL =>
  sql`(${sql.join(
    (ids.length ? [...new Set(ids)] : [NO_ID]).map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
