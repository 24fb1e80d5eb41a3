import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { rows } from "@/db/rows";
import { verificationPending } from "./verification-expiry";

/**
 * Scheduled re-verification (R29): claims a check for every active mailbox whose forwarding was ever verified
 * and whose own slot has come, in ONE statement whatever the number of mailboxes.
 *
 * Spread: each mailbox has a fixed phase in the period (a hash of its id), so 5,000 daily checks fall evenly over
 * the day, not all at midnight. A mailbox is due when its latest verification (manual or automatic) is older than
 * its current slot's start and than half a period, so checks stay between 0.5 and 1.5 periods apart and a restart
 * or a missed tick only delays a check to the next tick (the state is in the database, not in a timer).
 * At most one in flight: not while a verification is pending or a check is unfinished. Exactly once per slot:
 * the unique (mailbox, reason, slot) constraint, whatever the number of instances ticking.
 */
export async function scheduleForwardingChecks(
  db: DbOrTx,
  now: Date,
  intervalMs: number,
  orgId?: string,
): Promise<string[]> {
  const at = now.toISOString();
  const period = Math.round(intervalMs / 1000);
  const nowEpoch = now.getTime() / 1000;
  const result = await rows(
    db,
    sql`
    with candidate as (
      select m.id, m.org_id,
             mod(('x' || substr(md5(m.id::text), 1, 8))::bit(32)::bigint, ${period}::bigint) as phase
      from mailbox m
      where m.active ${orgId ? sql`and m.org_id = ${orgId}::uuid` : sql``}
        and exists (select 1 from forwarding_verification ev where ev.mailbox_id = m.id and ev.verified_at is not null)
    ), slotted as (
      select c.id, c.org_id,
             to_timestamp(floor((${nowEpoch}::float8 - c.phase) / ${period}) * ${period} + c.phase) as slot
      from candidate c
    )
    insert into forwarding_check (org_id, mailbox_id, reason, slot, created_at)
    select s.org_id, s.id, 'schedule', s.slot, ${at}::timestamptz
    from slotted s
    join lateral (select v.requested_at, v.expires_at, v.verified_at, v.failed_at from forwarding_verification v
                  where v.mailbox_id = s.id order by v.requested_at desc limit 1) lv on true
    where lv.requested_at < s.slot
      and lv.requested_at <= ${at}::timestamptz - make_interval(secs => ${period / 2})
      and not ${verificationPending("lv", now)}
      and not exists (select 1 from forwarding_check oc where oc.mailbox_id = s.id and oc.done_at is null)
    on conflict (mailbox_id, reason, slot) do nothing
    returning id::text as id`,
    z.object({ id: z.string() }),
  );
  return result.map((r) => r.id);
}
