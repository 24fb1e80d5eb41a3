import { AppError } from "@/lib/errors";
import { setDefaultMailbox } from "@/lib/queues/set-default-mailbox";
import { unlinkMailboxFromQueue } from "@/lib/queues/unlink-mailbox-from-queue";

/**
 * S4's one-click fix "Remove from these queues" before a delete (R14): for each queue, through the queue services
 * and their rules (R16, R17): where the mailbox is the default and others remain, the chosen successor becomes
 * the default first; then the mailbox is unlinked. Each queue is its own transaction; refusals are collected.
 */
export async function removeMailboxFromQueues(params: {
  orgId: string;
  actorId: string | null;
  mailboxId: string;
  queues: { queueId: string; successorId?: string | null }[];
}) {
  const refused: { queueId: string; message: string }[] = [];
  for (const q of params.queues) {
    try {
      if (q.successorId)
        await setDefaultMailbox({
          orgId: params.orgId,
          actorId: params.actorId,
          queueId: q.queueId,
          mailboxId: q.successorId,
        });
      await unlinkMailboxFromQueue({
        orgId: params.orgId,
        actorId: params.actorId,
        queueId: q.queueId,
        mailboxId: params.mailboxId,
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refused.push({ queueId: q.queueId, message: e.message });
    }
  }
  return { refused };
}
