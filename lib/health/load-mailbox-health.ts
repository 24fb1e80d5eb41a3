import "server-only";
import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db";
import { findHealthFacts } from "./find-health-facts";
import { forwardingStatusOf } from "@/lib/forwarding/status";
import type { MailboxHealth } from "./mailbox-health";

export type TimelineEntry =
  | { kind: "check"; at: Date; trigger: "manual" | "schedule" | "silence"; actorName: string | null; outcome: "verified" | "pending" | "failed"; doneAt: Date | null }
  | { kind: "silence"; at: Date; since: Date }
  | { kind: "incident_opened"; at: Date }
  | { kind: "incident_resolved"; at: Date; resolution: "recovered" | "withdrawn" };

export type DayCount = { day: string; customer: number; automatic: number };
export type MailboxHealthView = { health: MailboxHealth; timeline: TimelineEntry[]; days: DayCount[]; timeZone: string };

const ms = (v: number | string | null) => (v === null ? null : new Date(Number(v)));

/**
 * S4's health section (R29): the health state, a timeline of checks (manual, scheduled, after a silence) with
 * their outcomes, silences and incidents, and the messages received per day over 14 days in the organisation's
 * timezone (customer mail apart from the platform's own). Three queries, scoped by organisation.
 */
export async function loadMailboxHealth(orgId: string, mailboxId: string, timeZone: string, now: Date = new Date()): Promise<MailboxHealthView> {
  const [facts, events, counts] = await Promise.all([
    findHealthFacts(db, { orgId, mailboxId }, now),
    db.execute(sql`
      select * from (
        select 'check' as kind, (extract(epoch from v.requested_at) * 1000)::float8 as at, coalesce(c.reason, 'manual') as trigger,
               u.name as "actorName", (extract(epoch from v.expires_at) * 1000)::float8 as "expiresAt",
               (extract(epoch from v.verified_at) * 1000)::float8 as "doneAt", null::float8 as since, null as resolution
        from forwarding_verification v
        left join forwarding_check c on c.verification_id = v.id
        left join "user" u on u.id = v.requested_by
        where v.org_id = ${orgId}::uuid and v.mailbox_id = ${mailboxId}::uuid
        union all
        select 'silence', (extract(epoch from s.flagged_at) * 1000)::float8, null, null, null, null, (extract(epoch from s.since) * 1000)::float8, null
        from mailbox_silence s where s.org_id = ${orgId}::uuid and s.mailbox_id = ${mailboxId}::uuid
        union all
        select 'incident_opened', (extract(epoch from i.opened_at) * 1000)::float8, null, null, null, null, null, null
        from health_incident i where i.org_id = ${orgId}::uuid and i.mailbox_id = ${mailboxId}::uuid
        union all
        select 'incident_resolved', (extract(epoch from i.resolved_at) * 1000)::float8, null, null, null, null, null, i.resolution
        from health_incident i where i.org_id = ${orgId}::uuid and i.mailbox_id = ${mailboxId}::uuid and i.resolved_at is not null
      ) e order by at desc limit 20`),
    db.execute(sql`
      select to_char(received_at at time zone ${timeZone}, 'YYYY-MM-DD') as day,
             count(*) filter (where kind = 'customer')::int as customer, count(*) filter (where kind <> 'customer')::int as automatic
      from inbound_message
      where org_id = ${orgId}::uuid and mailbox_id = ${mailboxId}::uuid and received_at > ${now.toISOString()}::timestamptz - interval '15 days'
      group by 1`),
  ]);
  type Raw = { kind: TimelineEntry["kind"]; at: number; trigger: string | null; actorName: string | null; expiresAt: number | null; doneAt: number | null; since: number | null; resolution: string | null };
  const timeline = rowsOf<Raw>(events).map((e): TimelineEntry => {
    const at = ms(e.at)!;
    if (e.kind === "check") {
      const outcome = forwardingStatusOf({ verifiedAt: ms(e.doneAt), expiresAt: ms(e.expiresAt)! }, now) as "verified" | "pending" | "failed";
      return { kind: "check", at, trigger: e.trigger as "manual" | "schedule" | "silence", actorName: e.actorName, outcome, doneAt: ms(e.doneAt) };
    }
    if (e.kind === "silence") return { kind: "silence", at, since: ms(e.since)! };
    if (e.kind === "incident_resolved") return { kind: "incident_resolved", at, resolution: e.resolution as "recovered" | "withdrawn" };
    return { kind: "incident_opened", at };
  });
  const byDay = new Map(rowsOf<DayCount>(counts).map((d) => [d.day, d]));
  const dayKey = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const days: DayCount[] = [];
  for (let i = 13; i >= 0; i--) {
    const day = dayKey(new Date(now.getTime() - i * 86_400_000));
    const c = byDay.get(day);
    if (days.at(-1)?.day === day) continue; // a daylight-saving day counted once
    days.push({ day, customer: Number(c?.customer ?? 0), automatic: Number(c?.automatic ?? 0) });
  }
  return { health: facts[0]?.health ?? { state: "not_verified" }, timeline, days, timeZone };
}
