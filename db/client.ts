import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { dataRootOf, ensurePrivateFolder } from "./private-folder";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Helpers that run inside a caller's transaction take `Tx`; reads that may run either way take `DbOrTx`. */
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  /** Counts statements sent, for the benchmark's query counts. */
  queryCount: () => number;
  close: () => Promise<void>;
};

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/**
 * Opens the database the environment names: `DATABASE_URL` (PostgreSQL through the `postgres` driver),
 * or else embedded PGlite in `PGLITE_DIR` (default `.data/pglite`; `memory://` for throwaway test databases).
 */
export function openDatabase(env: Record<string, string | undefined> = process.env): DbHandle {
  let count = 0;
  const logger = { logQuery: () => void count++ };
  const url = env.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      max: Number(env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      connection: { application_name: "ino-mailboxes" },
    });
    return {
      db: drizzlePostgres(client, { schema, logger }) as unknown as Db,
      driver: "postgres",
      queryCount: () => count,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR;
  if (!dir.startsWith("memory://")) {
    // Owner only (0700/0600), also for a folder an older version created world-readable.
    const root = dataRootOf(dir);
    if (root) ensurePrivateFolder(root);
    ensurePrivateFolder(dir);
  }
  const client = new PGlite(dir);
  // Files PGlite creates on its first start are tightened too once it is ready (its folder is 0700 anyway).
  if (!dir.startsWith("memory://")) void client.waitReady.then(() => ensurePrivateFolder(dir), () => {});
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Db,
    driver: "pglite",
    queryCount: () => count,
    close: () => client.close(),
  };
}
