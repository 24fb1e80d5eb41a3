/**
 * ONE shape for every paged read (issue 18 item 3): the items of a page, and whether older ones exist beyond its
 * last. Reads ask for one row more than the page (`limit + 1`) and cut it with `pageOf`, so "there is more" is a
 * fact of the query, never guessed from a full page (with exactly 20 messages, a page of 20 has nothing older).
 */
export type Page<T> = { items: T[]; hasOlder: boolean };

/** The page of `rows`, read with `limit + 1`: at most `limit` items, and whether a further row was there. */
export function pageOf<T>(rows: T[], limit: number): Page<T> {
  return { items: rows.slice(0, limit), hasOlder: rows.length > limit };
}
