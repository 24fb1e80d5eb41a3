import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { emailDomain, mailbox, organization, queue, queueMailbox, smartRouting } from "@/db/schema";
import { z } from "zod";
import { json } from "@/db/rows";
import { findHealthFacts, type MailboxHealthRow } from "@/lib/health/find-health-facts";
import type { MailboxHealth } from "@/lib/mailbox-state/derive-mailbox-state";
import { aliasAddress } from "@/lib/alias";
import { mailboxAddress } from "@/lib/address";

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
  /** R26: the newest customer mail (not the platform's own or a provider's messages). */
  lastCustomerMailAt: Date | null;
  lastCustomerMailFrom: string | null;
  /** The mailbox's one state with its cause (lib/mailbox-state), derived like the scheduler's. */
  health: MailboxHealth;
  createdAt: Date;
};

const queuesColumn = json(z.array(z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() })).nullable());

/**
 * S1's rows: every mailbox of the organisation with its address, alias, queues, routing, last received mail
 * and state, in ONE query whatever the number of mailboxes (queues come from a correlated subquery, not one
 * query per row), beside the organisation's health facts (one more query, shared with the layout's banner).
 */
export async function findMailboxes(
  orgId: string,
  now: Date = new Date(),
  healthFacts?: Promise<MailboxHealthRow[]>,
): Promise<MailboxListItem[]> {
  // `healthFacts`: the organisation's health rows when the caller already reads them (S1 shares the layout's).
  const healthRows = healthFacts ?? findHealthFacts(getDb(), { orgId }, now);
  const rows = await getDb()
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
      queues: sql<unknown>`(
        select json_agg(json_build_object('id', ${queue.id}, 'name', ${queue.name}, 'isDefault', ${queueMailbox.isDefault}) order by ${queue.name})
        from ${queueMailbox} join ${queue} on ${queue.id} = ${queueMailbox.queueId}
        where ${queueMailbox.mailboxId} = ${mailbox.id})`,
      lastCustomerMailAt: mailbox.lastCustomerMailAt,
      lastCustomerMailFrom: mailbox.lastCustomerMailFrom,
    })
    .from(mailbox)
    .innerJoin(organization, eq(organization.id, mailbox.orgId))
    .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
    .leftJoin(smartRouting, and(eq(smartRouting.id, mailbox.smartRoutingId), eq(smartRouting.orgId, mailbox.orgId)))
    .where(eq(mailbox.orgId, orgId))
    .orderBy(asc(mailbox.displayName));
  const health = new Map((await healthRows).map((h) => [h.mailboxId, h.health]));
  return rows.map((r) => {
    const queues = queuesColumn.parse(r.queues);
    return {
      id: r.id,
      displayName: r.displayName,
      address: mailboxAddress(r.localPart, r.domain),
      alias: aliasAddress(r.aliasToken, r.orgSlug),
      active: r.active,
      queues: queues ?? [],
      smartRouting: r.routingName && r.routingVersion ? { name: r.routingName, version: r.routingVersion } : null,
      lastReceivedAt: r.lastReceivedAt,
      lastReceivedFrom: r.lastReceivedFrom,
      lastCustomerMailAt: r.lastCustomerMailAt,
      lastCustomerMailFrom: r.lastCustomerMailFrom,
      health: health.get(r.id) ?? { state: "not_verified", code: "not_verified" },
      createdAt: r.createdAt,
    };
  });
}
