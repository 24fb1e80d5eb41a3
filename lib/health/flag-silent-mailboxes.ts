import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { date, rows } from "@/db/rows";

// Silence detection (R29): a mailbox that usually receives customer mail (at least MIN_MESSAGES in the last
// WINDOW) and has received none for longer than FACTOR × its median gap over that window, and at least FLOOR.
export const SILENCE_WINDOW_DAYS = 14;
export const SILENCE_FACTOR = 3;
export const SILENCE_FLOOR_SECONDS = 24 * 3600;
export const SILENCE_MIN_MESSAGES = 4;

/**
 * Flags every newly silent active mailbox ("No mail since …", keyed by its last customer message, so one flag per
 * silence whatever the number of instances: unique constraint) and claims a re-verification for it in the same
 * statement, to tell a quiet day from a broken rule. ONE statement for all organisations.
 */
export async function flagSilentMailboxes(
  db: DbOrTx,
  now: Date,
  orgId?: string,
): Promise<{ mailboxId: string; since: Date }[]> {
  const at = now.toISOString();
  const result = await rows(
    db,
    sql`
    with recent as (
      select i.mailbox_id, i.received_at,
             extract(epoch from i.received_at - lag(i.received_at) over (partition by i.mailbox_id order by i.received_at)) as gap
      from inbound_message i
      where i.kind = 'customer' ${orgId ? sql`and i.org_id = ${orgId}::uuid` : sql``}
        and i.received_at > ${at}::timestamptz - make_interval(days => ${SILENCE_WINDOW_DAYS})
        and i.received_at <= ${at}::timestamptz
    ), rhythm as (
      select mailbox_id, count(*) as n, max(received_at) as last_at,
             percentile_cont(0.5) within group (order by gap) as median_gap
      from recent group by mailbox_id
    ), flagged as (
      insert into mailbox_silence (org_id, mailbox_id, since, median_gap_seconds, flagged_at)
      select m.org_id, m.id, r.last_at, round(r.median_gap)::int, ${at}::timestamptz
      from rhythm r join mailbox m on m.id = r.mailbox_id and m.active
      where r.n >= ${SILENCE_MIN_MESSAGES}
        and extract(epoch from ${at}::timestamptz - r.last_at) > greatest(${SILENCE_FACTOR} * r.median_gap, ${SILENCE_FLOOR_SECONDS})
      on conflict (mailbox_id, since) do nothing
      returning org_id, mailbox_id, since
    ), checks as (
      insert into forwarding_check (org_id, mailbox_id, reason, slot, created_at)
      select f.org_id, f.mailbox_id, 'silence', f.since, ${at}::timestamptz from flagged f
      where not exists (select 1 from forwarding_check oc where oc.mailbox_id = f.mailbox_id and oc.done_at is null)
      on conflict (mailbox_id, reason, slot) do nothing
      returning id
    )
    select f.mailbox_id::text as "mailboxId", f.since, (select count(*) from checks)::int as "checks"
    from flagged f`,
    z.object({ mailboxId: z.string(), since: date() }),
  );
  return result.map((r) => ({ mailboxId: r.mailboxId, since: r.since }));
}
