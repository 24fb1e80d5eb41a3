import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { emailDomain, mailbox, queue, queueMailbox } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { queueLinkColumns, type QueueLink } from "./find-queue-links";
import { mailboxAddress } from "@/lib/address";

/** One of the organisation's mailboxes that the queue can still take (for "Add mailbox"). */
export type LinkableMailbox = { id: string; displayName: string; address: string; active: boolean };

export type QueueDetail = typeof queue.$inferSelect & {
  /** Its linked mailboxes, by display name (a stable order: the default is marked, not moved). */
  mailboxes: QueueLink[];
  /** The organisation's other mailboxes, in the same order. */
  linkable: LinkableMailbox[];
};

/**
 * One of the organisation's queues with its linked mailboxes and the mailboxes it can still take (S5), in ONE
 * query whatever their number: the queue joined to every mailbox of its organisation (at most 50, R10), each with
 * its link to this queue if it has one. Another organisation's queue is not found, exactly like a missing one (R18).
 */
export async function getQueueOrThrow(orgId: string, id: string): Promise<QueueDetail> {
  const rows = await getDb()
    .select({ queue, ...queueLinkColumns })
    .from(queue)
    .leftJoin(mailbox, eq(mailbox.orgId, queue.orgId))
    .leftJoin(emailDomain, and(eq(emailDomain.id, mailbox.domainId), eq(emailDomain.orgId, mailbox.orgId)))
    .leftJoin(
      queueMailbox,
      and(
        eq(queueMailbox.orgId, queue.orgId),
        eq(queueMailbox.queueId, queue.id),
        eq(queueMailbox.mailboxId, mailbox.id),
      ),
    )
    .where(and(eq(queue.id, id), eq(queue.orgId, orgId)))
    .orderBy(asc(mailbox.displayName), asc(mailbox.localPart), asc(mailbox.id));
  if (rows.length === 0) throw notFound("That queue");
  const mailboxes: QueueLink[] = [];
  const linkable: LinkableMailbox[] = [];
  for (const r of rows) {
    if (
      r.mailboxId === null ||
      r.displayName === null ||
      r.localPart === null ||
      r.domain === null ||
      r.active === null
    )
      continue;
    const address = mailboxAddress(r.localPart, r.domain);
    if (r.linkedAt !== null && r.isDefault !== null) {
      mailboxes.push({
        mailboxId: r.mailboxId,
        displayName: r.displayName,
        address,
        active: r.active,
        isDefault: r.isDefault,
        linkedAt: r.linkedAt,
      });
    } else linkable.push({ id: r.mailboxId, displayName: r.displayName, address, active: r.active });
  }
  return { ...rows[0].queue, mailboxes, linkable };
}
