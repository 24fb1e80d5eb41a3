import "server-only";
import { getDbHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { seedDemoMailboxes } from "@/lib/demo-seed/seed-demo-mailboxes";
import { config } from "@/lib/config";

/** Migrates the database and seeds the demo on first start (SPEC §5). Safe to run on every start. */
export async function prepareDatabase(): Promise<void> {
  const handle = getDbHandle();
  await migrateDatabase(handle);
  const result = await seedDemo(handle.db, {
    password: config().SEED_ADMIN_PASSWORD,
    extend: seedDemoMailboxes,
  });
  if (result.seeded) {
    const where = handle.driver === "pglite" ? "embedded database (.data/)" : "PostgreSQL";
    console.log(`[seed] Demo data created in the ${where}.`);
    console.log("[seed] Sign in as admin@mycompany.com, agent@mycompany.com or admin@starter.example");
    if (result.generated)
      console.log(`[seed] with the password: ${result.password}   (shown once; set SEED_ADMIN_PASSWORD to choose it)`);
    else console.log("[seed] with the password from SEED_ADMIN_PASSWORD.");
  }
}
