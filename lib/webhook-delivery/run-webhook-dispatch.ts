import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { date, rows } from "@/db/rows";
import { appUrl, config } from "@/lib/config";
import { formatMessageTime, translator } from "@/lib/i18n/translator";
import { sendPlatformMail } from "@/lib/platform-mail/send-platform-mail";

// The `webhook-dispatch` tick (once a minute, one instance at a time): pauses endpoints failing for 5 days and tells
// their admins (R50), hands each endpoint with due deliveries to a `webhook-delivery` job (R50), and keeps the log
// bounded (R51: the last 100 deliveries of each endpoint, and nothing older than 30 days that is finished).

export const PAUSE_AFTER_MS = 5 * 24 * 3_600_000;
const FINISHED_KEPT_DAYS = 30;

type Send = typeof sendPlatformMail;

const pausedRow = z.object({
  id: z.string(),
  url: z.string(),
  failingSince: date(),
  orgName: z.string(),
  language: z.string(),
  timeZone: z.string(),
  admins: z.array(z.string()),
});

export async function runWebhookDispatch(
  db: Db,
  o: { now: Date; enqueue: (jobs: { name: string; id: string }[]) => Promise<void>; send?: Send },
): Promise<{ paused: number; endpoints: number; pruned: number }> {
  const at = sql`${o.now.toISOString()}::timestamptz`;
  const paused = await rows(
    db,
    sql`
      with p as (
        update webhook_endpoint set active = false, paused_reason = 'failing', updated_at = ${at}
        where active and failing_since <= ${at} - ${`${PAUSE_AFTER_MS} milliseconds`}::interval
        returning id, org_id, url, failing_since
      )
      select p.id::text as id, p.url, p.failing_since as "failingSince", o.name as "orgName", o.language, o.timezone as "timeZone",
             coalesce((select json_agg(u.email order by u.email) from membership m join "user" u on u.id = m.user_id
                       where m.org_id = p.org_id and m.role = 'admin'), '[]'::json) as admins
      from p join organization o on o.id = p.org_id`,
    pausedRow,
  );
  const send = o.send ?? sendPlatformMail;
  for (const p of paused) {
    const t = translator(p.language);
    const vars = {
      url: p.url,
      org: p.orgName,
      platform: config().PLATFORM_NAME,
      since: formatMessageTime(p.failingSince, p.language, p.timeZone),
    };
    const text = [
      t("webhookPaused.intro", vars),
      "",
      t("webhookPaused.todo", vars),
      "",
      t("webhookPaused.link", { url: `${appUrl().replace(/\/$/, "")}/maker/settings/webhooks` }),
      "",
      t("webhookPaused.footer", vars),
    ].join("\n");
    for (const to of p.admins) {
      try {
        await send({ to, subject: t("webhookPaused.subject", vars), text });
      } catch (e) {
        console.error(`[webhooks] pause notice to an admin not sent: ${e instanceof Error ? e.name : "error"}`);
      }
    }
  }

  const due = await rows(
    db,
    sql`select distinct d.endpoint_id::text as id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
        where d.status = 'pending' and d.next_attempt_at <= ${at} and (d.leased_until is null or d.leased_until < ${at}) and e.active`,
    z.object({ id: z.string() }),
  );
  if (due.length) await o.enqueue(due.map((d) => ({ name: "webhook-delivery", id: d.id })));

  const pruned = await rows(
    db,
    sql`
      with old as (
        select id from (
          select d.id, d.status, d.created_at, row_number() over (partition by d.endpoint_id order by d.created_at desc, d.id desc) as n
          from webhook_delivery d
        ) x where x.status <> 'pending' and (x.n > 100 or x.created_at < ${at} - ${`${FINISHED_KEPT_DAYS} days`}::interval)
        limit 5000
      ), gone as (delete from webhook_delivery where id in (select id from old) returning event_id)
      delete from webhook_event e where e.id in (select event_id from gone)
        and not exists (select 1 from webhook_delivery d where d.event_id = e.id and d.id not in (select id from old))
      returning e.id`,
    z.object({ id: z.string() }),
  );
  return { paused: paused.length, endpoints: due.length, pruned: pruned.length };
}
