import { deliverAlertEmail } from "@/lib/alerts/deliver-alert-email";
import { config } from "@/lib/config";
import { runScheduledCheck } from "@/lib/forwarding/scheduled-check-run";
import { runHealthTick, type HealthJob } from "@/lib/health-tick/run-health-tick";
import { retentionOptionsFromEnv, runRetention } from "@/lib/retention/run-retention";
import { runDomainChecks } from "@/lib/sending/run-domain-checks";
import { deliverEndpointWebhooks } from "@/lib/webhook-delivery/deliver-endpoint-webhooks";
import { runWebhookDispatch } from "@/lib/webhook-delivery/run-webhook-dispatch";
import { defineJobWorker, defineRecurringJob, registeredJobs } from "./registry";

let registered = false;
const SILENCE_SCAN_MINUTES = 15;

/**
 * Every job of the app, registered once. Add recurring work here, or call defineRecurringJob() before startJobs().
 */
export function registerJobs() {
  if (!registered) {
    registered = true;
    defineRecurringJob({
      name: "mailbox-health-tick",
      cron: "* * * * *",
      run: ({ db, now, enqueue }) =>
        runHealthTick(db, {
          now,
          intervalMs: config().FORWARDING_CHECK_INTERVAL,
          enqueue: (jobs: HealthJob[]) => enqueue(jobs),
          detectSilence: now.getUTCMinutes() % SILENCE_SCAN_MINUTES === 0,
        }),
    });
    // R33: inbound messages, finished verifications and history kept within their bounds, once a day, by one instance.
    defineRecurringJob({
      name: "retention",
      cron: "17 3 * * *",
      run: ({ db, now }) => runRetention(db, { ...retentionOptionsFromEnv(), now }),
    });
    // R37: sending domains re-checked in DNS (each at its own next_check_at), and their alerts sent.
    defineRecurringJob({
      name: "domain-dns-checks",
      cron: "* * * * *",
      run: ({ db, now }) => runDomainChecks(db, { now }),
    });
    defineJobWorker({ name: "forwarding-check", run: (id, { db, now }) => runScheduledCheck(db, id, { now }) });
    defineJobWorker({ name: "alert-email", run: (id, { db, now }) => deliverAlertEmail(db, id, { now }) });
    // H3 (R50): due webhook deliveries handed out per endpoint each minute; each endpoint's job drains its backlog.
    defineRecurringJob({
      name: "webhook-dispatch",
      cron: "* * * * *",
      run: ({ db, now, enqueue }) => runWebhookDispatch(db, { now, enqueue }),
    });
    defineJobWorker({
      name: "webhook-delivery",
      run: (id, { db, now, enqueue }) => deliverEndpointWebhooks(db, id, { now, enqueue }),
    });
  }
  return registeredJobs();
}
