import "server-only";
import { getDb } from "@/db";
import { queueMailbox } from "@/db/schema";
import { AppError, mapConstraintError } from "@/lib/errors";
import { findQueueLinks } from "./find-queue-links";
import { lockQueue } from "./lock-queue";
import { recordLinkEvents } from "./record-link-events";
import { MAX_QUEUE_MAILBOXES } from "./schemas";
import { shareLockMailbox } from "./share-lock-mailbox";

const alreadyLinked = (address: string, queueName: string) =>
  new AppError("ALREADY_EXISTS", `${address} is already linked to “${queueName}”.`, "mailboxId");

/**
 * Links one of the organisation's mailboxes to a queue (R15–R17):
 * - at most 20 mailboxes per queue, counted under the queue's row lock so that concurrent links cannot pass it;
 * - the first mailbox linked becomes the default, so it must be active (R17). The mailbox row is locked
 *   FOR SHARE after the queue row and its `active` flag read under that lock, so a concurrent deactivation
 *   either waits for this link or is seen by it.
 */
export async function linkMailboxToQueue(params: {
  orgId: string;
  actorId: string | null;
  queueId: string;
  mailboxId: string;
}) {
  let names = { address: "That mailbox", queue: "this queue" };
  try {
    return await getDb().transaction(async (tx) => {
      const q = await lockQueue(tx, params.orgId, params.queueId);
      const mb = await shareLockMailbox(tx, params.orgId, params.mailboxId);
      names = { address: mb.address, queue: q.name };
      const links = await findQueueLinks(tx, params.orgId, q.id);
      if (links.some((l) => l.mailboxId === mb.id)) throw alreadyLinked(mb.address, q.name);
      if (links.length >= MAX_QUEUE_MAILBOXES) {
        throw new AppError(
          "LIMIT_REACHED",
          `“${q.name}” already has ${MAX_QUEUE_MAILBOXES} mailboxes, the most a queue can hold. Remove one before adding another.`,
          "mailboxId",
        );
      }
      const becomesDefault = !links.some((l) => l.isDefault);
      if (becomesDefault && !mb.active) {
        throw new AppError(
          "INVALID",
          `${mb.address} is inactive. The first mailbox of a queue becomes its default sender, which must be active: link an active mailbox first, or activate this one.`,
          "mailboxId",
        );
      }
      const [row] = await tx
        .insert(queueMailbox)
        .values({ orgId: params.orgId, queueId: q.id, mailboxId: mb.id, isDefault: becomesDefault })
        .returning();
      await recordLinkEvents(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "queue.mailbox_linked",
        queue: q,
        mailbox: mb,
        queueChanges: {
          mailbox: { from: null, to: mb.address },
          ...(becomesDefault ? { defaultMailbox: { from: null, to: mb.address } } : {}),
        },
        mailboxChanges: {
          queue: { from: null, to: q.name },
          ...(becomesDefault ? { defaultOf: { from: null, to: q.name } } : {}),
        },
      });
      return row;
    });
  } catch (e) {
    mapConstraintError(e, {
      queue_mailbox_pk: alreadyLinked(names.address, names.queue),
      queue_mailbox_one_default: new AppError(
        "CONFLICT",
        "Someone changed this queue's mailboxes at the same moment. Reload and try again.",
      ),
    });
  }
}
