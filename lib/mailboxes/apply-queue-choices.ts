import "server-only";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { linkMailboxToQueue } from "@/lib/queues/link-mailbox-to-queue";
import { setDefaultMailbox } from "@/lib/queues/set-default-mailbox";
import { unlinkMailboxFromQueue } from "@/lib/queues/unlink-mailbox-from-queue";
import { findMailboxQueues } from "./find-mailbox-queues";
import type { QueueChoice } from "./schemas";

/**
 * Brings a mailbox's queue links to what the form chose (S2, S3), through the queue services and so under their
 * rules and locks (R15-R17): links the new queues, makes it the default where asked, unlinks the others. Each
 * step is the service's own transaction; a refusal is collected with the queue's name and the rest goes on.
 */
export async function applyQueueChoices(params: {
  orgId: string;
  actorId: string | null;
  mailboxId: string;
  queues: QueueChoice[];
}) {
  const current = await findMailboxQueues(getDb(), params.orgId, params.mailboxId);
  const refusals: string[] = [];
  const step = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refusals.push(e.message);
    }
  };
  const ctx = { orgId: params.orgId, actorId: params.actorId, mailboxId: params.mailboxId };
  const wanted = new Map(params.queues.map((q) => [q.queueId, q.makeDefault]));
  for (const [queueId, makeDefault] of wanted) {
    const link = current.find((c) => c.id === queueId);
    if (!link) await step(() => linkMailboxToQueue({ ...ctx, queueId }));
    if (makeDefault && !link?.isDefault) {
      const now = await findMailboxQueues(getDb(), params.orgId, params.mailboxId);
      if (now.some((c) => c.id === queueId && !c.isDefault)) await step(() => setDefaultMailbox({ ...ctx, queueId }));
    }
  }
  for (const c of current) if (!wanted.has(c.id)) await step(() => unlinkMailboxFromQueue({ ...ctx, queueId: c.id }));
  return { refusals };
}
