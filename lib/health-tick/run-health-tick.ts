import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { rows } from "@/db/rows";
import { ALERT_LEASE_MS, ALERT_MAX_ATTEMPTS } from "@/lib/alerts/deliver-alert-email";
import { updateIncidents } from "@/lib/alerts/update-incidents";
import { scheduleForwardingChecks } from "@/lib/forwarding/schedule-checks";
import { CHECK_LEASE_MS } from "@/lib/forwarding/scheduled-check-run";
import { settleVerifications } from "@/lib/forwarding/settle-verifications";
import { findHealthFacts } from "@/lib/health/find-health-facts";
import { flagSilentMailboxes } from "@/lib/health/flag-silent-mailboxes";

export type HealthJob = { name: "forwarding-check"; id: string } | { name: "alert-email"; id: string };
export type Enqueue = (jobs: HealthJob[]) => Promise<void>;

/**
 * One scheduler tick (R29), run once a minute by the job queue on exactly one instance (and safe if two run):
 * settles the verifications that can no longer succeed (expired, or for an old address) with their history lines
 * (pages only read), claims due re-verifications, flags silent mailboxes (and claims their re-verification), derives
 * every
 * mailbox's health, opens/closes incidents with their alert emails, then hands every unfinished check and unsent
 * alert to the queue (a crash between a claim and its job is healed by the next tick; the workers' atomic claims
 * make a job delivered twice harmless). A constant number of queries whatever the number of mailboxes.
 * `orgId`: one organisation's tick (tests, whose simulated clocks must not settle other organisations' checks).
 */
export async function runHealthTick(
  db: Db,
  opts: { now: Date; intervalMs: number; enqueue: Enqueue; detectSilence?: boolean; orgId?: string },
) {
  const { now, orgId } = opts;
  const at = now.toISOString();
  const settled = await settleVerifications(db, { now, orgId });
  const scheduled = await scheduleForwardingChecks(db, now, opts.intervalMs, orgId);
  // Silence is measured in hours (at least 24 h): the scan of 14 days of mail runs every 15 minutes, not every tick.
  const silenced = opts.detectSilence === false ? [] : await flagSilentMailboxes(db, now, orgId);
  const facts = await findHealthFacts(db, { orgId }, now);
  const ofOrg = orgId ? sql`and org_id = ${orgId}::uuid` : sql``;
  const incidents = await updateIncidents(db, facts, now);
  const pending = await rows(
    db,
    sql`
      select 'forwarding-check' as name, id::text as id from forwarding_check
      where done_at is null and created_at > ${at}::timestamptz - interval '1 day' ${ofOrg}
        and (claimed_at is null or claimed_at < ${at}::timestamptz - make_interval(secs => ${CHECK_LEASE_MS / 1000}))
      union all
      select 'alert-email', id::text from alert_email
      where sent_at is null and attempts < ${ALERT_MAX_ATTEMPTS} and created_at > ${at}::timestamptz - interval '1 day' ${ofOrg}
        and (claimed_at is null or claimed_at < ${at}::timestamptz - make_interval(secs => ${ALERT_LEASE_MS / 1000}))`,
    z.object({ name: z.enum(["forwarding-check", "alert-email"]), id: z.string() }),
  );
  if (pending.length) await opts.enqueue(pending);
  return {
    settled,
    scheduled: scheduled.length,
    silenced: silenced.length,
    mailboxes: facts.length,
    needsAttention: facts.filter((r) => r.health.state === "needs_attention").length,
    ...incidents,
    enqueued: pending.length,
  };
}
