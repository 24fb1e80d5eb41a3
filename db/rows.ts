import "server-only";
import type { SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "./client";

// One typed raw-SQL read for both drivers (TOOLCHAIN pitfall 8): PGlite's `execute()` answers `{ rows }`,
// postgres-js an array; JSON columns come back parsed from one and as text from the other (json_agg, jsonb in a
// subquery); timestamps as Date, ISO text or epoch numbers; counts as numbers or numeric text. `rows()` normalises
// the result and validates each row with a zod schema built from the column helpers below, so a query and its
// row type are written once, next to each other.

/** Rows of a raw statement, each validated (and coerced) by `schema`; a row that does not fit is an error. */
export async function rows<S extends z.ZodType>(db: DbOrTx, query: SQL, schema: S): Promise<z.output<S>[]> {
  return rowsFrom(await db.execute(query), schema);
}

/**
 * The rows of a result already in hand, as `rows()` reads them: for a statement that `db.execute` cannot run
 * (a prepared one, see record-inbound-message).
 */
export function rowsFrom<S extends z.ZodType>(result: unknown, schema: S): z.output<S>[] {
  const raw: unknown[] = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return raw.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`rows(): row ${i} does not fit its schema: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/** A JSON column: parsed when the driver hands it over as text, then validated by `schema`. */
export function json<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (typeof v === "string" ? JSON.parse(v) : v), schema);
}

const toDate = (v: unknown) =>
  v instanceof Date
    ? v
    : typeof v === "number"
      ? new Date(v)
      : typeof v === "string"
        ? new Date(/^\d+(\.\d+)?$/.test(v) ? Number(v) : v)
        : v;
/** A timestamp, from a Date, ISO text or epoch milliseconds (number or numeric text). */
export const date = () => z.preprocess(toDate, z.date());
/** A nullable timestamp. */
export const dateOrNull = () =>
  z.preprocess((v) => (v === null || v === undefined ? null : toDate(v)), z.date().nullable());
/** A number that a driver may hand over as text (bigint, numeric, float8). */
export const num = () => z.coerce.number();
