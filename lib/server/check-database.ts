import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { config } from "@/lib/config";

/** "ok" when the database answers a trivial query within `timeoutMs`, else "unavailable" (the cause is logged). */
export async function checkDatabase(timeoutMs = config().READINESS_TIMEOUT_MS): Promise<"ok" | "unavailable"> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return "ok";
  } catch (e) {
    console.error(`[health] The database is not ready: ${(e as Error).message.split("\n")[0]}`);
    return "unavailable";
  } finally {
    clearTimeout(timer);
  }
}
