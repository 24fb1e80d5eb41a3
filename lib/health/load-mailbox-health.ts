import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { date, dateOrNull, num, rows } from "@/db/rows";
import { verificationPending } from "@/lib/forwarding/verification-expiry";
import type { MailboxHealth } from "@/lib/mailbox-state/derive-mailbox-state";
import { findHealthFacts } from "./find-health-facts";

export type TimelineEntry =
  | {
      kind: "check";
      at: Date;
      trigger: "manual" | "schedule" | "silence";
      actorName: string | null;
      outcome: "verified" | "pending" | "failed";
      doneAt: Date | null;
    }
  | { kind: "silence"; at: Date; since: Date }
  | { kind: "incident_opened"; at: Date }
  | { kind: "incident_resolved"; at: Date; resolution: "recovered" | "withdrawn" };

export type DayCount = { day: string; customer: number; automatic: number };
export type MailboxHealthView = {
  health: MailboxHealth;
  timeline: TimelineEntry[];
  days: DayCount[];
  timeZone: string;
};

const eventRow = z.object({
  kind: z.enum(["check", "silence", "incident_opened", "incident_resolved"]),
  at: date(),
  trigger: z.enum(["manual", "schedule", "silence"]).nullable(),
  actorName: z.string().nullable(),
  outcome: z.enum(["verified", "pending", "failed"]).nullable(),
  doneAt: dateOrNull(),
  since: dateOrNull(),
  resolution: z.enum(["recovered", "withdrawn"]).nullable(),
});
const dayRow = z.object({ day: z.string(), customer: num(), automatic: num() });

/**
 * S4's health section (R29): the mailbox's state, a timeline of checks (manual, scheduled, after a silence) with
 * their outcomes, silences and incidents, and the messages received per day over 14 days in the organisation's
 * timezone (customer mail apart from the platform's own). Three queries, scoped by organisation. A check's outcome
 * comes from the same facts as the state (verified, failed, pending: "expired" is one SQL fragment), so the list
 * and the badge never disagree. Reads only: the health tick settles expired verifications.
 */
export async function loadMailboxHealth(
  orgId: string,
  mailboxId: string,
  timeZone: string,
  now: Date = new Date(),
): Promise<MailboxHealthView> {
  const [facts, events, counts] = await Promise.all([
    findHealthFacts(getDb(), { orgId, mailboxId }, now),
    rows(
      getDb(),
      sql`
      select * from (
        select 'check' as kind, v.requested_at as at, coalesce(c.reason, 'manual') as trigger, u.name as "actorName",
               case when v.verified_at is not null then 'verified' when ${verificationPending("v", now)} then 'pending'
                    else 'failed' end as outcome,
               coalesce(v.verified_at, v.failed_at) as "doneAt", null::timestamptz as since, null as resolution
        from forwarding_verification v
        left join forwarding_check c on c.verification_id = v.id
        left join "user" u on u.id = v.requested_by
        where v.org_id = ${orgId}::uuid and v.mailbox_id = ${mailboxId}::uuid
        union all
        select 'silence', s.flagged_at, null, null, null, null, s.since, null
        from mailbox_silence s where s.org_id = ${orgId}::uuid and s.mailbox_id = ${mailboxId}::uuid
        union all
        select 'incident_opened', i.opened_at, null, null, null, null, null, null
        from health_incident i where i.org_id = ${orgId}::uuid and i.mailbox_id = ${mailboxId}::uuid
        union all
        select 'incident_resolved', i.resolved_at, null, null, null, null, null, i.resolution
        from health_incident i
        where i.org_id = ${orgId}::uuid and i.mailbox_id = ${mailboxId}::uuid and i.resolved_at is not null
      ) e order by at desc limit 20`,
      eventRow,
    ),
    rows(
      getDb(),
      sql`
      select to_char(received_at at time zone ${timeZone}, 'YYYY-MM-DD') as day,
             count(*) filter (where kind = 'customer')::int as customer,
             count(*) filter (where kind <> 'customer')::int as automatic
      from inbound_message
      where org_id = ${orgId}::uuid and mailbox_id = ${mailboxId}::uuid
        and received_at > ${now.toISOString()}::timestamptz - interval '15 days'
      group by 1`,
      dayRow,
    ),
  ]);
  const timeline = events.map((e): TimelineEntry => {
    if (e.kind === "check") {
      return {
        kind: "check",
        at: e.at,
        trigger: e.trigger ?? "manual",
        actorName: e.actorName,
        outcome: e.outcome ?? "failed",
        doneAt: e.doneAt,
      };
    }
    if (e.kind === "silence") return { kind: "silence", at: e.at, since: e.since! };
    if (e.kind === "incident_resolved")
      return { kind: "incident_resolved", at: e.at, resolution: e.resolution ?? "recovered" };
    return { kind: "incident_opened", at: e.at };
  });
  const byDay = new Map(counts.map((d) => [d.day, d]));
  const dayKey = (d: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const days: DayCount[] = [];
  for (let i = 13; i >= 0; i--) {
    const day = dayKey(new Date(now.getTime() - i * 86_400_000));
    const c = byDay.get(day);
    if (days.at(-1)?.day === day) continue; // a daylight-saving day counted once
    days.push({ day, customer: c?.customer ?? 0, automatic: c?.automatic ?? 0 });
  }
  return { health: facts[0]?.health ?? { state: "not_verified", code: "not_verified" }, timeline, days, timeZone };
}
