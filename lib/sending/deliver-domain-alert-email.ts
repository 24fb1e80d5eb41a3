import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { dateOrNull, json, rows } from "@/db/rows";
import type { StoredRecordCheck } from "@/db/schema/sending";
import { appUrl, config } from "@/lib/config";
import { sendPlatformMail, type PlatformMail } from "@/lib/platform-mail/send-platform-mail";
import { renderDomainAlertEmail } from "./render-domain-alert-email";
import { dkimValue } from "./domain-records";

export const DOMAIN_ALERT_LEASE_MS = 5 * 60_000;
export const DOMAIN_ALERT_MAX_ATTEMPTS = 5;

const claimedAlert = z.object({
  kind: z.enum(["broken", "recovered"]),
  email: z.string(),
  orgName: z.string(),
  language: z.string(),
  timeZone: z.string(),
  domainId: z.string(),
  domain: z.string(),
  brokenSince: dateOrNull(),
  records: json(z.array(z.custom<StoredRecordCheck>()).nullable()),
  selector: z.string().nullable(),
  publicKey: z.string().nullable(),
});

/**
 * Sends one domain alert email (R37), as R29's alerts are sent: claimed with an atomic update (a second worker
 * finds it taken), rendered in the organisation's language and timezone, sent through the platform's mail, marked
 * sent; a failed send releases the claim for a later tick, up to DOMAIN_ALERT_MAX_ATTEMPTS.
 */
export async function deliverDomainAlertEmail(
  db: Db,
  alertId: string,
  opts: { now?: Date; send?: (m: PlatformMail) => Promise<unknown> } = {},
): Promise<"sent" | "taken" | "failed"> {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const [a] = await rows(
    db,
    sql`
      update domain_alert_email a set claimed_at = ${at}::timestamptz, attempts = a.attempts + 1
      from "user" u, organization o, email_domain d
      left join domain_sending s on s.domain_id = d.id
      left join domain_dkim_key k on k.domain_id = d.id and k.state = 'active'
      where a.id = ${alertId}::uuid and u.id = a.user_id and o.id = a.org_id and d.id = a.domain_id and d.org_id = a.org_id
        and a.sent_at is null and a.attempts < ${DOMAIN_ALERT_MAX_ATTEMPTS}
        and (a.claimed_at is null or a.claimed_at < ${at}::timestamptz - make_interval(secs => ${DOMAIN_ALERT_LEASE_MS / 1000}))
      returning a.kind, u.email, o.name as "orgName", o.language, o.timezone as "timeZone", d.id::text as "domainId",
                d.domain, s.broken_since::text as "brokenSince", s.records, k.selector, k.public_key as "publicKey"`,
    claimedAlert,
  );
  if (!a) return "taken";
  const records = a.records ?? [];
  const dkim = records.find((r) => r.purpose === "dkim");
  const content = renderDomainAlertEmail({
    kind: a.kind,
    language: a.language,
    timeZone: a.timeZone,
    orgName: a.orgName,
    platformName: config().PLATFORM_NAME,
    domain: a.domain,
    url: `${appUrl().replace(/\/$/, "")}/maker/settings/domains/${a.domainId}`,
    since: a.brokenSince ?? now,
    at: now,
    record:
      a.selector && a.publicKey
        ? { fqdn: dkim?.fqdn ?? `${a.selector}._domainkey.${a.domain}`, value: dkimValue(a.publicKey) }
        : null,
  });
  try {
    await (opts.send ?? sendPlatformMail)({ to: a.email, ...content });
  } catch (e) {
    const error = e instanceof Error ? e.message.slice(0, 500) : "not sent";
    await db.execute(
      sql`update domain_alert_email set claimed_at = null, error = ${error} where id = ${alertId}::uuid`,
    );
    console.error(`[sending] domain alert to ${a.email} not sent: ${error}`);
    return "failed";
  }
  await db.execute(
    sql`update domain_alert_email set sent_at = ${at}::timestamptz, error = null where id = ${alertId}::uuid`,
  );
  return "sent";
}
