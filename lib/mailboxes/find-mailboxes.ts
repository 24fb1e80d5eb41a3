import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { emailDomain, mailbox, organization, queue, queueMailbox, smartRouting } from "@/db/schema";
import { forwardingStatusOf, type ForwardingStatus } from "@/lib/forwarding/status";
import { findHealthFacts, type MailboxHealthRow } from "@/lib/health/find-health-facts";
import type { MailboxHealth } from "@/lib/health/mailbox-health";
import { aliasAddress } from "./alias";

export type MailboxListItem = {
  id: string;
  displayName: string;
  address: string;
  alias: string;
  active: boolean;
  queues: { id: string; name: string; isDefault: boolean }[];
  smartRouting: { name: string; version: "production" | "test" } | null;
  lastReceivedAt: Date | null;
  lastReceivedFrom: string | null;
  /** R25: the status of the CURRENT address's rule. */
  forwardingStatus: ForwardingStatus;
  /** R25: an earlier address was verified or tried, not this one ("Not verified for <address>"). */
  forwardingAddressChanged: boolean;
  /** R27: why the latest verification failed (timeout, bounce: its kind and status line), when it did. */
  forwardingFailure: { reason: string; bounceKind: string | null; bounceStatus: string | null } | null;
  /** R26: the newest customer mail (not the platform's own or a provider's messages). */
  lastCustomerMailAt: Date | null;
  lastCustomerMailFrom: string | null;
  /** One health state with its cause (R29), derived like the scheduler's (lib/health). */
  health: MailboxHealth;
  createdAt: Date;
};

/**
 * S1's rows: every mailbox of the organisation with its address, alias, queues, routing, last received mail
 * and forwarding status, in ONE query whatever the number of mailboxes (queues and the latest verification
 * come from correlated subqueries, not one query per row).
 */
export async function findMailboxes(orgId: string, now: Date = new Date(), healthFacts?: Promise<MailboxHealthRow[]>): Promise<MailboxListItem[]> {
  // `healthFacts`: the organisation's health rows when the caller already reads them (S1 shares the layout's).
  const healthRows = healthFacts ?? findHealthFacts(db, { orgId }, now);
  const rows = await db
    .select({
      id: mailbox.id,
      displayName: mailbox.displayName,
      localPart: mailbox.localPart,
      domain: emailDomain.domain,
      aliasToken: mailbox.aliasToken,
      orgSlug: organization.slug,
      active: mailbox.active,
      routingName: smartRouting.name,
      routingVersion: mailbox.smartRoutingVersion,
      lastReceivedAt: mailbox.lastReceivedAt,
      lastReceivedFrom: mailbox.lastReceivedFrom,
      createdAt: mailbox.createdAt,
      queues: sql<MailboxListItem["queues"] | null>`(
        select json_agg(json_build_object('id', ${queue.id}, 'name', ${queue.name}, 'isDefault', ${queueMailbox.isDefault}) order by ${queue.name})
        from ${queueMailbox} join ${queue} on ${queue.id} = ${queueMailbox.queueId}
        where ${queueMailbox.mailboxId} = ${mailbox.id})`,
      lastCustomerMailAt: mailbox.lastCustomerMailAt,
      lastCustomerMailFrom: mailbox.lastCustomerMailFrom,
      latestVerification: sql<{ verifiedAt: string | null; failedAt: string | null; expiresAt: string; failureReason: string | null; bounceKind: string | null; bounceStatus: string | null } | null>`(
        select json_build_object('verifiedAt', fv.verified_at, 'failedAt', fv.failed_at, 'expiresAt', fv.expires_at,
                                 'failureReason', fv.failure_reason, 'bounceKind', fv.bounce_kind, 'bounceStatus', fv.bounce_status)
        from forwarding_verification fv
        where fv.mailbox_id = ${mailbox.id} and fv.address = ${mailbox.localPart} || '@' || ${emailDomain.domain}
        order by fv.requested_at desc limit 1)`,
      otherAddressVerified: sql<boolean>`exists (
        select 1 from forwarding_verification fv
        where fv.mailbox_id = ${mailbox.id} and fv.address <> ${mailbox.localPart} || '@' || ${emailDomain.domain})`,
    })
    .from(mailbox)
    .innerJoin(organization, eq(organization.id, mailbox.orgId))
    .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
    .leftJoin(smartRouting, and(eq(smartRouting.id, mailbox.smartRoutingId), eq(smartRouting.orgId, mailbox.orgId)))
    .where(eq(mailbox.orgId, orgId))
    .orderBy(asc(mailbox.displayName));
  const health = new Map((await healthRows).map((h) => [h.mailboxId, h.health]));
  return rows.map((r) => {
    const v = typeof r.latestVerification === "string" ? JSON.parse(r.latestVerification) : r.latestVerification;
    const queues = typeof r.queues === "string" ? JSON.parse(r.queues) : r.queues;
    const status = forwardingStatusOf(
      v ? { verifiedAt: v.verifiedAt ? new Date(v.verifiedAt) : null, failedAt: v.failedAt ? new Date(v.failedAt) : null, expiresAt: new Date(v.expiresAt) } : null,
      now,
    );
    return {
      id: r.id,
      displayName: r.displayName,
      address: `${r.localPart}@${r.domain}`,
      alias: aliasAddress(r.aliasToken, r.orgSlug),
      active: r.active,
      queues: queues ?? [],
      smartRouting: r.routingName && r.routingVersion ? { name: r.routingName, version: r.routingVersion } : null,
      lastReceivedAt: r.lastReceivedAt,
      lastReceivedFrom: r.lastReceivedFrom,
      forwardingStatus: status,
      forwardingAddressChanged: !v && Boolean(r.otherAddressVerified),
      forwardingFailure:
        status === "failed" && v ? { reason: v.failureReason ?? "timeout", bounceKind: v.bounceKind, bounceStatus: v.bounceStatus } : null,
      lastCustomerMailAt: r.lastCustomerMailAt,
      lastCustomerMailFrom: r.lastCustomerMailFrom,
      health: health.get(r.id) ?? { state: "not_verified" },
      createdAt: r.createdAt,
    };
  });
}
