import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { openDatabase } from "./client";

// Decision 0001: statements with parameters are prepared once per connection (one round trip, no re-plan), unless
// DATABASE_NO_PREPARE=1. PostgreSQL only: the embedded database has no such protocol.
const url = inject("databaseUrl");

describe.runIf(url)("prepared statements on PostgreSQL", () => {
  async function preparedAfterTwoQueries(env: Record<string, string>) {
    const handle = openDatabase(parseConfig({ DATABASE_URL: url!, DATABASE_POOL_SIZE: "1", ...env }));
    try {
      for (let i = 0; i < 2; i++) await handle.db.execute(sql`select ${i}::int as x`);
      // No parameter: sent as a simple query, on the pool's one connection, which sees its own prepared statements.
      const [row] = (await handle.db.execute(
        sql`select count(*)::int as n from pg_prepared_statements`,
      )) as unknown as { n: number }[];
      return row.n;
    } finally {
      await handle.close();
    }
  }

  it("prepares a statement with parameters once and reuses it, and not with DATABASE_NO_PREPARE=1", async () => {
    // postgres.js prepares its own start-up read of the types either way: compare the two.
    const unprepared = await preparedAfterTwoQueries({ DATABASE_NO_PREPARE: "1" });
    expect(await preparedAfterTwoQueries({})).toBe(unprepared + 1);
  });
});
