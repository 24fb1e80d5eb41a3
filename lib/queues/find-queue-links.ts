import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { emailDomain, mailbox, queueMailbox } from "@/db/schema";
import { mailboxAddress } from "@/lib/address";

export type QueueLink = {
  mailboxId: string;
  displayName: string;
  address: string;
  active: boolean;
  isDefault: boolean;
  linkedAt: Date;
};

/** What a queue link is read from (its mailbox, the mailbox's domain, the link): shared with getQueueOrThrow. */
export const queueLinkColumns = {
  mailboxId: mailbox.id,
  displayName: mailbox.displayName,
  localPart: mailbox.localPart,
  domain: emailDomain.domain,
  active: mailbox.active,
  isDefault: queueMailbox.isDefault,
  linkedAt: queueMailbox.linkedAt,
};

/** The mailboxes linked to a queue, by display name (a stable order: the default is marked, not moved). One query. */
export async function findQueueLinks(tx: DbOrTx, orgId: string, queueId: string): Promise<QueueLink[]> {
  const rows = await tx
    .select(queueLinkColumns)
    .from(queueMailbox)
    .innerJoin(mailbox, and(eq(mailbox.id, queueMailbox.mailboxId), eq(mailbox.orgId, queueMailbox.orgId)))
    .innerJoin(emailDomain, and(eq(emailDomain.id, mailbox.domainId), eq(emailDomain.orgId, mailbox.orgId)))
    .where(and(eq(queueMailbox.orgId, orgId), eq(queueMailbox.queueId, queueId)))
    .orderBy(asc(mailbox.displayName), asc(mailbox.localPart), asc(mailbox.id));
  return rows.map(({ localPart, domain, ...r }) => ({ ...r, address: mailboxAddress(localPart, domain) }));
}
