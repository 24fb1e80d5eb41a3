import { deliverAlertEmail } from "@/lib/alerts/deliver-alert-email";
import { checkIntervalMs } from "@/lib/forwarding/schedule-interval";
import { runScheduledCheck } from "@/lib/forwarding/scheduled-check-run";
import { runHealthTick, type HealthJob } from "@/lib/health/run-health-tick";
import { defineJobWorker, defineRecurringJob, registeredJobs } from "./registry";

let registered = false;
const SILENCE_SCAN_MINUTES = 15;

/**
 * Every job of the app, registered once. Add recurring work here (issue 11's retention goes next to the
 * health tick) or call defineRecurringJob() before startJobs().
 */
export function registerJobs() {
  if (!registered) {
    registered = true;
    defineRecurringJob({
      name: "mailbox-health-tick",
      cron: "* * * * *",
      run: ({ db, now, enqueue }) =>
        runHealthTick(db, { now, intervalMs: checkIntervalMs(), enqueue: (jobs: HealthJob[]) => enqueue(jobs), detectSilence: now.getUTCMinutes() % SILENCE_SCAN_MINUTES === 0 }),
    });
    defineJobWorker({ name: "forwarding-check", run: (id, { db, now }) => runScheduledCheck(db, id, { now }) });
    defineJobWorker({ name: "alert-email", run: (id, { db, now }) => deliverAlertEmail(db, id, { now }) });
  }
  return registeredJobs();
}
