import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { DbHandle } from "@/db/client";
import { registerJobs } from "./jobs";
import { pgliteExecutor } from "./pglite-executor";
import type { JobContext } from "./registry";
import { config, type Config } from "@/lib/config";
import { WEBHOOK_DUE_CHANNEL } from "@/lib/webhook-events/record-webhook-event";

export const JOBS_SCHEMA = "pgboss";

export function createBoss(handle: DbHandle, c: Config = config()): PgBoss {
  const common = { schema: JOBS_SCHEMA, archiveCompletedAfterSeconds: 3600, deleteAfterDays: 2 };
  if (handle.driver === "pglite") {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    return new PgBoss({ ...common, db: pgliteExecutor(client) });
  }
  return new PgBoss({
    ...common,
    connectionString: c.DATABASE_URL,
    max: c.JOBS_POOL_SIZE,
    application_name: "ino-mailboxes-jobs",
  });
}

/**
 * Starts the job queue in this process: creates the queues, (re)states each recurring job's cron (kept in the
 * database, so a restart loses no schedule and several instances share one), and works the queues. pg-boss sends
 * each cron job once per minute across all instances; workers take each job once.
 */
export async function startJobs(
  handle: DbHandle,
  opts: { log?: Pick<Console, "log" | "error"> } = {},
): Promise<PgBoss> {
  const log = opts.log ?? console;
  const { recurring, workers } = registerJobs();
  const boss = createBoss(handle);
  boss.on("error", (e: Error) => log.error(`[jobs] ${e.message}`));
  await boss.start();
  const ctx = (): JobContext => ({
    db: handle.db,
    now: new Date(),
    enqueue: async (jobs) => {
      if (jobs.length)
        await boss.insert(
          jobs.map((j) => ({ name: j.name, data: { id: j.id }, singletonKey: j.id, startAfter: j.startAfter })),
        );
    },
  });
  for (const w of workers) {
    await boss.createQueue(w.name, { name: w.name, policy: "short", retryLimit: 2, expireInSeconds: 300 });
    await boss.work<{ id: string }>(w.name, { batchSize: 4, pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) await w.run(job.data.id, ctx());
    });
  }
  for (const r of recurring) {
    await boss.createQueue(r.name, { name: r.name, policy: "stately", retryLimit: 0, expireInSeconds: 600 });
    await boss.schedule(r.name, r.cron, {}, { tz: "UTC" });
    await boss.work(r.name, { pollingIntervalSeconds: 5 }, async () => {
      await r.run(ctx());
    });
  }
  // H3: an endpoint given a delivery is worked at once, not at the next dispatch tick (which remains the guarantee:
  // a hint lost while no instance listens is found there). Every instance hears it; the job's key makes it one.
  await handle.listen(WEBHOOK_DUE_CHANNEL, (endpointId) => {
    ctx()
      .enqueue([{ name: "webhook-delivery", id: endpointId }])
      .catch((e: Error) => log.error(`[jobs] ${e.message}`));
  });
  log.log(
    `[jobs] Job queue started: ${recurring.map((r) => `${r.name} (${r.cron})`).join(", ")}; workers: ${workers.map((w) => w.name).join(", ")}.`,
  );
  return boss;
}
