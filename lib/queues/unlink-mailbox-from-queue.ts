import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { queueMailbox } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findQueueLinks } from "./find-queue-links";
import { lockQueue } from "./lock-queue";
import { recordLinkEvents } from "./record-link-events";

/**
 * Unlinks a mailbox from a queue (S5). The default cannot be unlinked while other mailboxes remain (R16):
 * another must be made the default first. Checked under the queue's row lock, so a concurrent
 * "make default" is either seen or waits.
 */
export async function unlinkMailboxFromQueue(params: {
  orgId: string;
  actorId: string | null;
  queueId: string;
  mailboxId: string;
}) {
  return getDb().transaction(async (tx) => {
    const q = await lockQueue(tx, params.orgId, params.queueId);
    const links = await findQueueLinks(tx, params.orgId, q.id);
    const link = links.find((l) => l.mailboxId === params.mailboxId);
    if (!link)
      throw new AppError(
        "NOT_FOUND",
        `That mailbox is not linked to “${q.name}”. Reload the page to see its current mailboxes.`,
      );
    if (link.isDefault && links.length > 1) {
      throw new AppError(
        "IN_USE",
        `${link.address} is the default mailbox of “${q.name}”. Choose another default first, then remove it.`,
        "mailboxId",
      );
    }
    await tx
      .delete(queueMailbox)
      .where(
        and(
          eq(queueMailbox.orgId, params.orgId),
          eq(queueMailbox.queueId, q.id),
          eq(queueMailbox.mailboxId, link.mailboxId),
        ),
      );
    await recordLinkEvents(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "queue.mailbox_unlinked",
      queue: q,
      mailbox: { id: link.mailboxId, address: link.address },
      queueChanges: {
        mailbox: { from: link.address, to: null },
        ...(link.isDefault ? { defaultMailbox: { from: link.address, to: null } } : {}),
      },
      mailboxChanges: {
        queue: { from: q.name, to: null },
        ...(link.isDefault ? { defaultOf: { from: q.name, to: null } } : {}),
      },
    });
    return link;
  });
}
