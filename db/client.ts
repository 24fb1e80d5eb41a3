import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { config, type Config } from "../lib/config";
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
  /**
   * Runs `fn` while holding a PostgreSQL session advisory lock `key` on a connection of its own, so that only
   * one process at a time runs it (e.g. migrations when several instances start at once on one database);
   * the others wait, then run it too and find nothing left to do. PGlite has one process: `fn` just runs.
   */
  exclusive: <T>(key: number, fn: () => Promise<T>) => Promise<T>;
  /**
   * Calls `on` with each payload NOTIFY'd on `channel` (delivered after the notifying transaction commits, never
   * for one rolled back). A hint only: whatever it speeds up must also be found without it.
   */
  listen: (channel: string, on: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};

export const DEFAULT_PGLITE_DIR = ".data/pglite";

// The embedded database's driver (PGlite and drizzle's adapter for it) is loaded only where it is used: a receiver
// or an app on PostgreSQL (DATABASE_URL) never loads it. db/index.ts loads it before first use when DATABASE_URL is
// unset; anything else that opens an embedded database awaits loadEmbeddedDriver() first.
type EmbeddedDriver = {
  PGlite: typeof import("@electric-sql/pglite").PGlite;
  drizzle: typeof import("drizzle-orm/pglite").drizzle;
};
let embedded: EmbeddedDriver | undefined;
export async function loadEmbeddedDriver(): Promise<void> {
  if (embedded) return;
  const [{ PGlite }, { drizzle }] = await Promise.all([import("@electric-sql/pglite"), import("drizzle-orm/pglite")]);
  embedded = { PGlite, drizzle };
}

/**
 * Opens the database the environment names: `DATABASE_URL` (PostgreSQL through the `postgres` driver),
 * or else embedded PGlite in `PGLITE_DIR` (default `.data/pglite`; `memory://` for throwaway test databases).
 */
export function openDatabase(c: Config = config()): DbHandle {
  let count = 0;
  const logger = { logQuery: () => void count++ };
  const url = c.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      max: c.DATABASE_POOL_SIZE,
      onnotice: () => {},
      // A database that does not answer must not hang pages: give up connecting after a few seconds, and let
      // the server cancel any statement that runs too long (both configurable).
      connect_timeout: c.DATABASE_CONNECT_TIMEOUT_S,
      connection: {
        application_name: "ino-mailboxes",
        statement_timeout: c.DATABASE_STATEMENT_TIMEOUT_MS,
        idle_in_transaction_session_timeout: c.DATABASE_IDLE_TX_TIMEOUT_MS,
      },
    });
    // Every statement with parameters as a named prepared statement, cached per connection: one round trip
    // (Bind + Execute) where an unprepared one costs two (postgres.js first asks the server for the parameters'
    // types), and no re-parse. drizzle asks for unprepared statements; ours are a fixed set of texts.
    // DATABASE_NO_PREPARE=1 turns this off (PgBouncer in transaction mode cannot keep prepared statements).
    const unsafe = client.unsafe.bind(client);
    client.unsafe = ((query: string, args?: unknown[], opts?: Record<string, unknown>) =>
      unsafe(query, args as never, {
        ...opts,
        prepare: !c.DATABASE_NO_PREPARE && (args?.length ?? 0) > 0,
      })) as typeof client.unsafe;
    return {
      db: drizzlePostgres(client, { schema, logger }) as unknown as Db,
      driver: "postgres",
      queryCount: () => count,
      exclusive: async (key, fn) => {
        const conn = await client.reserve();
        try {
          // Waiting for another instance's migrations may take longer than one statement may.
          await conn`set statement_timeout = 0`;
          await conn`select pg_advisory_lock(${key})`;
          try {
            return await fn();
          } finally {
            await conn`select pg_advisory_unlock(${key})`;
          }
        } finally {
          conn.release();
        }
      },
      listen: async (channel, on) => {
        const { unlisten } = await client.listen(channel, (payload) => on(payload));
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (!embedded)
    throw new Error(
      "The embedded database's driver is not loaded: await loadEmbeddedDriver() before openDatabase() without DATABASE_URL.",
    );
  const { PGlite, drizzle: drizzlePglite } = embedded;
  const dir = c.PGLITE_DIR ?? DEFAULT_PGLITE_DIR;
  if (!dir.startsWith("memory://")) {
    // Owner only (0700/0600), also for a folder an older version created world-readable.
    const root = dataRootOf(dir);
    if (root) ensurePrivateFolder(root);
    ensurePrivateFolder(dir);
  }
  const client = new PGlite(dir);
  // Files PGlite creates on its first start are tightened too once it is ready (its folder is 0700 anyway).
  if (!dir.startsWith("memory://"))
    void client.waitReady.then(
      () => ensurePrivateFolder(dir),
      () => {},
    );
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Db,
    driver: "pglite",
    queryCount: () => count,
    exclusive: (_key, fn) => fn(),
    listen: (channel, on) => client.listen(channel, (payload: string) => on(payload)),
    close: () => client.close(),
  };
}
