// One app instance's boot, as instrumentation.ts runs it (migrations, demo seed), then exit: used by
// lib/server/concurrent-boot.test.ts to start several instances at once on one database.
import { closeDb } from "@/db";
import { bootServer } from "@/lib/server/boot";

await bootServer();
console.log("[instance] ready");
await closeDb();
process.exit(0);
