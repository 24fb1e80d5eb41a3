import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { date, dateOrNull, json, rows } from "@/db/rows";
import type { IncidentCause } from "@/db/schema";
import { sendPlatformMail, type PlatformMail } from "@/lib/platform-mail/send-platform-mail";
import { aliasAddress } from "@/lib/alias";
import { appUrl, config } from "@/lib/config";
import { renderAlertEmail } from "./render-alert-email";
import { mailboxAddressSql } from "@/lib/address-sql";

export const ALERT_LEASE_MS = 5 * 60_000;
export const ALERT_MAX_ATTEMPTS = 5;
type Send = (m: PlatformMail) => Promise<unknown>;

const claimRow = z.object({
  kind: z.enum(["opened", "recovered", "digest_opened", "digest_recovered"]),
  incidentIds: json(z.array(z.string())),
  email: z.string(),
  orgName: z.string(),
  orgLanguage: z.string(),
  orgTimeZone: z.string(),
  slug: z.string(),
});
const alertMailboxRow = z.object({
  id: z.string(),
  displayName: z.string(),
  address: z.string(),
  aliasToken: z.string(),
  language: z.string(),
  timeZone: z.string(),
  // Validated as stored: its reason is a code (or a sentence stored before codes, which an alert never prints).
  cause: json(z.custom<IncidentCause>((v) => typeof (v as { kind?: unknown } | null)?.kind === "string")),
  openedAt: date(),
  resolvedAt: dateOrNull(),
});

/**
 * Sends one alert email (job "alert-email"): claims it with an atomic update (a duplicate job or a second worker
 * finds it taken), renders it in the mailbox's language and timezone (a digest: the organisation's), sends it
 * through the platform's mail, and marks it sent. A failed send releases the claim for a later tick's retry,
 * up to ALERT_MAX_ATTEMPTS.
 */
export async function deliverAlertEmail(
  db: Db,
  alertId: string,
  opts: { now?: Date; send?: Send } = {},
): Promise<"sent" | "taken" | "failed"> {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const [claim] = await rows(
    db,
    sql`
      update alert_email a set claimed_at = ${at}::timestamptz, attempts = a.attempts + 1
      from "user" u, organization o
      where a.id = ${alertId}::uuid and u.id = a.user_id and o.id = a.org_id and a.sent_at is null and a.attempts < ${ALERT_MAX_ATTEMPTS}
        and (a.claimed_at is null or a.claimed_at < ${at}::timestamptz - make_interval(secs => ${ALERT_LEASE_MS / 1000}))
      returning a.kind, a.incident_ids as "incidentIds", u.email, o.name as "orgName", o.language as "orgLanguage",
                o.timezone as "orgTimeZone", o.slug`,
    claimRow,
  );
  if (!claim) return "taken";
  const ids = claim.incidentIds;
  const mailboxes = await rows(
    db,
    sql`
      select m.id::text as id, m.display_name as "displayName", ${mailboxAddressSql()} as address, m.alias_token as "aliasToken",
             coalesce(m.language, o.language) as language, coalesce(m.timezone, o.timezone) as "timeZone", hi.cause,
             hi.opened_at as "openedAt", hi.resolved_at as "resolvedAt"
      from health_incident hi
      join mailbox m on m.id = hi.mailbox_id join organization o on o.id = m.org_id join email_domain d on d.id = m.domain_id
      where hi.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by m.display_name`,
    alertMailboxRow,
  );
  if (mailboxes.length === 0) {
    // Its mailboxes were deleted since (their incidents with them): nothing left to tell.
    await db.execute(
      sql`update alert_email set sent_at = ${at}::timestamptz, error = 'mailbox deleted' where id = ${alertId}::uuid`,
    );
    return "taken";
  }
  const single = mailboxes.length === 1 && !claim.kind.startsWith("digest");
  const content = renderAlertEmail({
    kind: claim.kind,
    language: single ? mailboxes[0].language : claim.orgLanguage,
    timeZone: single ? mailboxes[0].timeZone : claim.orgTimeZone,
    orgName: claim.orgName,
    platformName: config().PLATFORM_NAME,
    appUrl: appUrl(),
    mailboxes: mailboxes.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      address: m.address,
      alias: aliasAddress(m.aliasToken, claim.slug),
      cause: m.cause,
      openedAt: m.openedAt,
      resolvedAt: m.resolvedAt,
    })),
  });
  try {
    await (opts.send ?? sendPlatformMail)({ to: claim.email, ...content });
  } catch (e) {
    const error = e instanceof Error ? e.message.slice(0, 500) : "not sent";
    await db.execute(sql`update alert_email set claimed_at = null, error = ${error} where id = ${alertId}::uuid`);
    console.error(`[alerts] alert email to ${claim.email} not sent: ${error}`);
    return "failed";
  }
  await db.execute(sql`update alert_email set sent_at = ${at}::timestamptz, error = null where id = ${alertId}::uuid`);
  return "sent";
}
