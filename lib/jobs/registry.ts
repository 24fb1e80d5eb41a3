import "server-only";
import type { Db } from "@/db";

// The app's background work (R29, and issue 11's retention): recurring jobs run by the queue's cron (once per
// tick across every instance), and workers for one-off jobs. Registered here, started by startJobs().

/** A one-off job for a worker; `startAfter` holds it back until then (a retry due within the minute). */
export type EnqueuedJob = { name: string; id: string; startAfter?: Date };
export type JobContext = { db: Db; now: Date; enqueue: (jobs: EnqueuedJob[]) => Promise<void> };
export type RecurringJob = {
  name: string;
  /** five-field cron, UTC */ cron: string;
  run: (ctx: JobContext) => Promise<unknown>;
};
export type JobWorker = { name: string; run: (id: string, ctx: JobContext) => Promise<unknown> };

const recurring = new Map<string, RecurringJob>();
const workers = new Map<string, JobWorker>();

/** Adds recurring work (e.g. `{ name: "retention", cron: "17 3 * * *", run: ({ now }) => runRetention({ now }) }`). */
export function defineRecurringJob(job: RecurringJob): void {
  if (!/^[a-z][a-z0-9-]*$/.test(job.name))
    throw new Error(`Job name "${job.name}": lowercase letters, digits and dashes.`);
  recurring.set(job.name, job);
}

/** Adds a worker for one-off jobs `{ name, id }` that recurring work enqueues. */
export function defineJobWorker(worker: JobWorker): void {
  workers.set(worker.name, worker);
}

export function registeredJobs(): { recurring: RecurringJob[]; workers: JobWorker[] } {
  return { recurring: [...recurring.values()], workers: [...workers.values()] };
}
