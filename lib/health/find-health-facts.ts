import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { dateOrNull, rows } from "@/db/rows";
import { failureOf } from "@/lib/mailbox-state/failure-reason";
import { mailboxHealth, type HealthFacts, type MailboxHealth } from "@/lib/mailbox-state/derive-mailbox-state";
import { mailboxAddressSql } from "@/lib/address-sql";

export type MailboxHealthRow = {
  mailboxId: string;
  orgId: string;
  displayName: string;
  address: string;
  active: boolean;
  language: string;
  timeZone: string;
  everVerified: boolean;
  /** The last successful verification of the current address (the API's forwarding.verified_at). */
  lastVerifiedAt: Date | null;
  openIncidentId: string | null;
  facts: HealthFacts;
  health: MailboxHealth;
};

const factsRow = z.object({
  mailboxId: z.string(),
  orgId: z.string(),
  displayName: z.string(),
  address: z.string(),
  active: z.boolean(),
  language: z.string(),
  timeZone: z.string(),
  vRequestedAt: dateOrNull(),
  vExpiresAt: dateOrNull(),
  vVerifiedAt: dateOrNull(),
  vFailedAt: dateOrNull(),
  vFailureReason: z.string().nullable(),
  vBounceKind: z.string().nullable(),
  vBounceStatus: z.string().nullable(),
  vAddress: z.string().nullable(),
  everVerified: z.boolean(),
  lastVerifiedAt: dateOrNull(),
  lastCustomerMailAt: dateOrNull(),
  silentSince: dateOrNull(),
  confirmationWaiting: z.boolean(),
  checkQueued: z.boolean(),
  openIncidentId: z.string().nullable(),
});

/**
 * The facts behind each mailbox's state (R29), for one organisation, one mailbox, or every organisation (the
 * scheduler), in ONE query whatever the number of mailboxes: the latest verification, whether one ever succeeded,
 * the last customer mail (R26: the platform's own and providers' messages never count), the current silence flag, an
 * authentic provider confirmation waiting (R28, as findProviderConfirmation shows it; arrived after the last success
 * and not acted on since: the demo's "Confirm" ends the held verification as provider_held), and the open incident.
 * The state itself: lib/mailbox-state.
 */
export async function findHealthFacts(
  db: DbOrTx,
  scope: { orgId?: string; mailboxId?: string },
  now: Date,
): Promise<MailboxHealthRow[]> {
  const where = [sql`true`];
  if (scope.orgId) where.push(sql`m.org_id = ${scope.orgId}::uuid`);
  if (scope.mailboxId) where.push(sql`m.id = ${scope.mailboxId}::uuid`);
  const found = await rows(
    db,
    sql`
    select m.id::text as "mailboxId", m.org_id::text as "orgId", m.display_name as "displayName",
           ${mailboxAddressSql()} as "address", m.active,
           coalesce(m.language, o.language) as "language", coalesce(m.timezone, o.timezone) as "timeZone",
           lv.requested_at as "vRequestedAt", lv.expires_at as "vExpiresAt", lv.verified_at as "vVerifiedAt",
           lv.failed_at as "vFailedAt", lv.failure_reason as "vFailureReason", lv.bounce_kind as "vBounceKind",
           lv.bounce_status as "vBounceStatus", lv.address as "vAddress",
           (ok.verified_at is not null) as "everVerified", ok.verified_at as "lastVerifiedAt",
           m.last_customer_mail_at as "lastCustomerMailAt",
           (select s.since from mailbox_silence s
            where s.mailbox_id = m.id and (m.last_customer_mail_at is null or s.since >= m.last_customer_mail_at)
            order by s.since desc limit 1) as "silentSince",
           exists (select 1 from inbound_message c
                   where c.mailbox_id = m.id and c.confirmation_provider is not null
                     and c.provider_auth in ('pass', 'demo') and (c.confirmation_url is not null or c.provider_auth = 'demo')
                     and c.received_at > greatest(coalesce(ok.verified_at, '-infinity'::timestamptz),
                                                  coalesce(held.failed_at, '-infinity'::timestamptz))) as "confirmationWaiting",
           exists (select 1 from forwarding_check fc where fc.mailbox_id = m.id and fc.done_at is null) as "checkQueued",
           (select hi.id::text from health_incident hi
            where hi.mailbox_id = m.id and hi.resolved_at is null) as "openIncidentId"
    from mailbox m
    join organization o on o.id = m.org_id
    join email_domain d on d.id = m.domain_id
    left join lateral (select v.requested_at, v.expires_at, v.verified_at, v.failed_at, v.failure_reason, v.bounce_kind,
                              v.bounce_status, v.address
                       from forwarding_verification v
                       where v.mailbox_id = m.id order by v.requested_at desc limit 1) lv on true
    left join lateral (select max(v.verified_at) as verified_at from forwarding_verification v
                       where v.mailbox_id = m.id and v.verified_at is not null
                         and v.address = ${mailboxAddressSql()}) ok on true
    left join lateral (select max(v.failed_at) as failed_at from forwarding_verification v
                       where v.mailbox_id = m.id and v.failure_reason = 'provider_held') held on true
    where ${sql.join(where, sql` and `)}
    order by m.display_name`,
    factsRow,
  );
  return found.map((r) => {
    const facts: HealthFacts = {
      active: r.active,
      latestVerification:
        r.vRequestedAt === null
          ? null
          : {
              requestedAt: r.vRequestedAt,
              expiresAt: r.vExpiresAt!,
              verifiedAt: r.vVerifiedAt,
              failedAt: r.vFailedAt,
              failure: failureOf({
                failureReason: r.vFailureReason,
                bounceKind: r.vBounceKind,
                bounceStatus: r.vBounceStatus,
                address: r.vAddress ?? r.address,
                requestedAt: r.vRequestedAt,
                expiresAt: r.vExpiresAt!,
              }),
              address: r.vAddress,
            },
      currentAddress: r.address,
      lastCustomerMailAt: r.lastCustomerMailAt,
      silentSince: r.silentSince,
      confirmationWaiting: r.confirmationWaiting,
      checkQueued: r.checkQueued,
      incidentOpen: r.openIncidentId !== null,
      now,
    };
    return {
      mailboxId: r.mailboxId,
      orgId: r.orgId,
      displayName: r.displayName,
      address: r.address,
      active: r.active,
      language: r.language,
      timeZone: r.timeZone,
      everVerified: r.everVerified,
      lastVerifiedAt: r.lastVerifiedAt,
      openIncidentId: r.openIncidentId,
      facts,
      health: mailboxHealth(facts),
    };
  });
}
