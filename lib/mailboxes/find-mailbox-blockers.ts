import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { mailbox, queue, queueMailbox } from "@/db/schema";

export type MailboxBlocker = {
  queueId: string;
  queueName: string;
  isDefault: boolean;
  /** When this mailbox is the default: another active mailbox of the queue that could take over (R17), if any. */
  successor: { id: string; displayName: string } | null;
  others: number;
};

/**
 * What stands in the way of deactivating (R13: default sender of a queue) or deleting (R14: linked to a queue) a
 * mailbox, with the one-click fix for each, in one query. S4 shows it before any confirmation; the services still
 * decide under their locks.
 */
export async function findMailboxBlockers(orgId: string, mailboxId: string): Promise<MailboxBlocker[]> {
  const rows = await getDb()
    .select({
      queueId: queue.id,
      queueName: queue.name,
      isDefault: queueMailbox.isDefault,
      others: sql<number>`(select count(*)::int from ${queueMailbox} o where o.queue_id = ${queue.id} and o.mailbox_id <> ${mailboxId})`,
      successor: sql<{ id: string; displayName: string } | null>`(
        select json_build_object('id', m.id, 'displayName', m.display_name)
        from ${queueMailbox} o join ${mailbox} m on m.id = o.mailbox_id and m.org_id = o.org_id
        where o.queue_id = ${queue.id} and o.mailbox_id <> ${mailboxId} and m.active
        order by m.display_name limit 1)`,
    })
    .from(queueMailbox)
    .innerJoin(queue, and(eq(queue.id, queueMailbox.queueId), eq(queue.orgId, queueMailbox.orgId)))
    .where(and(eq(queueMailbox.orgId, orgId), eq(queueMailbox.mailboxId, mailboxId)))
    .orderBy(queue.name);
  return rows.map((r) => ({
    ...r,
    successor: typeof r.successor === "string" ? JSON.parse(r.successor) : r.successor,
  }));
}
