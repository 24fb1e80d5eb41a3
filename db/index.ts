import { config } from "../lib/config";
import { loadEmbeddedDriver, openDatabase, type Db, type DbHandle } from "./client";

export type { Db, DbOrTx, Tx } from "./client";

// One handle per process, kept on globalThis so that dev reloads do not open another (TOOLCHAIN pitfall 6),
// and opened on first use so that importing this module (e.g. during `next build`) touches no database.
const g = globalThis as unknown as { __inoDb?: DbHandle };

// Without DATABASE_URL the database is embedded PGlite: its driver is loaded here, once, so that opening stays
// synchronous; with DATABASE_URL it is never loaded (a receiver on PostgreSQL carries no PGlite).
if (!config().DATABASE_URL) await loadEmbeddedDriver();

export function getDbHandle(): DbHandle {
  g.__inoDb ??= openDatabase();
  return g.__inoDb;
}

export async function closeDb(): Promise<void> {
  const handle = g.__inoDb;
  g.__inoDb = undefined;
  await handle?.close();
}

/**
 * The application's database, opened on first use (never at import, so `next build` touches no database).
 * Inside `getDb().transaction(tx => …)` always use `tx` (TOOLCHAIN pitfall 7).
 */
export function getDb(): Db {
  return getDbHandle().db;
}
