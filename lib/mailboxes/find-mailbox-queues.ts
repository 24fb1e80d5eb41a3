import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { queue, queueMailbox } from "@/db/schema";

export type MailboxQueue = { id: string; name: string; isDefault: boolean };

/** The queues a mailbox is linked to, marking where it is the default sender. */
export async function findMailboxQueues(tx: DbOrTx, orgId: string, mailboxId: string): Promise<MailboxQueue[]> {
  return tx
    .select({ id: queue.id, name: queue.name, isDefault: queueMailbox.isDefault })
    .from(queueMailbox)
    .innerJoin(queue, and(eq(queue.id, queueMailbox.queueId), eq(queue.orgId, queueMailbox.orgId)))
    .where(and(eq(queueMailbox.orgId, orgId), eq(queueMailbox.mailboxId, mailboxId)))
    .orderBy(asc(queue.name));
}

export function queueNames(queues: { name: string }[]): string {
  const names = queues.map((q) => `“${q.name}”`);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
