import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DbHandle } from "./client";

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations that the database has not seen yet. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = handle.db as any;
  if (handle.driver === "pglite") await migratePglite(db, config);
  else await migratePostgres(db, config);
}
