import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { emailDomain, mailbox, queue, queueMailbox } from "@/db/schema";
import { mailboxAddress } from "@/lib/address";

export type QueueSummary = {
  id: string;
  name: string;
  mailboxCount: number;
  defaultMailbox: { id: string; displayName: string; address: string; active: boolean } | null;
};

/** The organisation's queues with their mailbox count and their default mailbox (S5), in one query. */
export async function findQueues(orgId: string): Promise<QueueSummary[]> {
  const def = alias(queueMailbox, "default_link");
  const rows = await getDb()
    .select({
      id: queue.id,
      name: queue.name,
      mailboxCount: sql<number>`(select count(*)::int from ${queueMailbox} where ${queueMailbox.queueId} = ${queue.id} and ${queueMailbox.orgId} = ${queue.orgId})`,
      mailboxId: mailbox.id,
      displayName: mailbox.displayName,
      localPart: mailbox.localPart,
      domain: emailDomain.domain,
      active: mailbox.active,
    })
    .from(queue)
    .leftJoin(def, and(eq(def.queueId, queue.id), eq(def.orgId, queue.orgId), eq(def.isDefault, true)))
    .leftJoin(mailbox, and(eq(mailbox.id, def.mailboxId), eq(mailbox.orgId, def.orgId)))
    .leftJoin(emailDomain, and(eq(emailDomain.id, mailbox.domainId), eq(emailDomain.orgId, mailbox.orgId)))
    .where(eq(queue.orgId, orgId))
    .orderBy(asc(queue.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    mailboxCount: r.mailboxCount,
    defaultMailbox:
      r.mailboxId && r.displayName !== null && r.localPart !== null && r.domain !== null && r.active !== null
        ? {
            id: r.mailboxId,
            displayName: r.displayName,
            address: mailboxAddress(r.localPart, r.domain),
            active: r.active,
          }
        : null,
  }));
}
