import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { BOUNCE_EXPLANATION, type BounceKind } from "@/lib/bounces/explain-bounce";
import { mailboxHealth, type HealthFacts, type MailboxHealth } from "./mailbox-health";

export type MailboxHealthRow = {
  mailboxId: string;
  orgId: string;
  displayName: string;
  address: string;
  active: boolean;
  language: string;
  timeZone: string;
  everVerified: boolean;
  openIncidentId: string | null;
  facts: HealthFacts;
  health: MailboxHealth;
};

type Raw = {
  mailboxId: string;
  orgId: string;
  displayName: string;
  address: string;
  active: boolean;
  language: string;
  timeZone: string;
  vRequestedAt: number | null;
  vExpiresAt: number | null;
  vVerifiedAt: number | null;
  vFailedAt: number | null;
  vFailureReason: string | null;
  vBounceKind: string | null;
  vAddress: string | null;
  everVerified: boolean;
  lastCustomerMailAt: number | null;
  silentSince: number | null;
  confirmationWaiting: boolean;
  checkQueued: boolean;
  openIncidentId: string | null;
};

/** Why a verification failed, in the words of S4 (R27's bounce titles). */
function failureText(reason: string | null, bounceKind: string | null): string | null {
  if (reason === "bounce") return BOUNCE_EXPLANATION[(bounceKind ?? "unrecognised") as BounceKind]?.title ?? "the provider returned the test message";
  if (reason === "provider_held") return "the provider holds the test message until its forwarding confirmation is completed";
  return null;
}

const ms = (col: SQL) => sql`(extract(epoch from ${col}) * 1000)::float8`;
const date = (v: number | string | null) => (v === null ? null : new Date(Number(v)));

/**
 * The facts behind each mailbox's health (R29), for one organisation, one mailbox, or every organisation (the
 * scheduler), in ONE query whatever the number of mailboxes: the latest verification, whether one ever succeeded,
 * the last customer mail (R26: the platform's own and providers' messages never count), the current silence flag, a
 * provider confirmation waiting since the last success, and the open incident.
 */
export async function findHealthFacts(db: DbOrTx, scope: { orgId?: string; mailboxId?: string }, now: Date): Promise<MailboxHealthRow[]> {
  const where = [sql`true`];
  if (scope.orgId) where.push(sql`m.org_id = ${scope.orgId}::uuid`);
  if (scope.mailboxId) where.push(sql`m.id = ${scope.mailboxId}::uuid`);
  const result = await db.execute(sql`
    select m.id::text as "mailboxId", m.org_id::text as "orgId", m.display_name as "displayName",
           m.local_part || '@' || d.domain as "address", m.active,
           coalesce(m.language, o.language) as "language", coalesce(m.timezone, o.timezone) as "timeZone",
           ${ms(sql`lv.requested_at`)} as "vRequestedAt", ${ms(sql`lv.expires_at`)} as "vExpiresAt", ${ms(sql`lv.verified_at`)} as "vVerifiedAt",
           ${ms(sql`lv.failed_at`)} as "vFailedAt", lv.failure_reason as "vFailureReason", lv.bounce_kind as "vBounceKind", lv.address as "vAddress",
           (ok.verified_at is not null) as "everVerified",
           ${ms(sql`m.last_customer_mail_at`)} as "lastCustomerMailAt",
           ${ms(sql`(select s.since from mailbox_silence s
                     where s.mailbox_id = m.id and (m.last_customer_mail_at is null or s.since >= m.last_customer_mail_at)
                     order by s.since desc limit 1)`)} as "silentSince",
           exists (select 1 from inbound_message c
                   where c.mailbox_id = m.id and c.confirmation_url is not null
                     and c.received_at > coalesce(ok.verified_at, '-infinity'::timestamptz)) as "confirmationWaiting",
           exists (select 1 from forwarding_check fc where fc.mailbox_id = m.id and fc.done_at is null) as "checkQueued",
           (select hi.id::text from health_incident hi where hi.mailbox_id = m.id and hi.resolved_at is null) as "openIncidentId"
    from mailbox m
    join organization o on o.id = m.org_id
    join email_domain d on d.id = m.domain_id
    left join lateral (select v.requested_at, v.expires_at, v.verified_at, v.failed_at, v.failure_reason, v.bounce_kind, v.address from forwarding_verification v
                       where v.mailbox_id = m.id order by v.requested_at desc limit 1) lv on true
    left join lateral (select max(v.verified_at) as verified_at from forwarding_verification v
                       where v.mailbox_id = m.id and v.verified_at is not null
                         and v.address = m.local_part || '@' || d.domain) ok on true
    where ${sql.join(where, sql` and `)}
    order by m.display_name`);
  return rowsOf<Raw>(result).map((r) => {
    const facts: HealthFacts = {
      active: r.active,
      latestVerification:
        r.vRequestedAt === null
          ? null
          : {
              requestedAt: date(r.vRequestedAt)!,
              expiresAt: date(r.vExpiresAt)!,
              verifiedAt: date(r.vVerifiedAt),
              failedAt: date(r.vFailedAt),
              failureReason: failureText(r.vFailureReason, r.vBounceKind),
              address: r.vAddress,
            },
      currentAddress: r.address,
      lastCustomerMailAt: date(r.lastCustomerMailAt),
      silentSince: date(r.silentSince),
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
      openIncidentId: r.openIncidentId,
      facts,
      health: mailboxHealth(facts),
    };
  });
}
