import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DbHandle } from "./client";

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/** The advisory lock key that migrations run under (the seed uses its own, 7213001). */
export const MIGRATION_LOCK_KEY = 7213000;

/**
 * Applies the committed drizzle-kit migrations that the database has not seen yet, under a database lock:
 * any number of app instances and receivers may start at once on one database; the first migrates, the
 * others wait for it and then find nothing to do.
 */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = handle.db as any;
  await handle.exclusive(MIGRATION_LOCK_KEY, async () => {
    if (handle.driver === "pglite") await migratePglite(db, config);
    else await migratePostgres(db, config);
  });
}
