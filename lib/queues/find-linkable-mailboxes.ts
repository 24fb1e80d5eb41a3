import "server-only";
import { and, asc, eq, notExists } from "drizzle-orm";
import { db } from "@/db";
import { emailDomain, mailbox, queueMailbox } from "@/db/schema";

export type LinkableMailbox = { id: string; displayName: string; address: string; active: boolean };

/** The organisation's mailboxes that are not linked to the queue yet, for "Add mailbox" (S5). One query. */
export async function findLinkableMailboxes(orgId: string, queueId: string): Promise<LinkableMailbox[]> {
  const rows = await db
    .select({ id: mailbox.id, displayName: mailbox.displayName, localPart: mailbox.localPart, domain: emailDomain.domain, active: mailbox.active })
    .from(mailbox)
    .innerJoin(emailDomain, and(eq(emailDomain.id, mailbox.domainId), eq(emailDomain.orgId, mailbox.orgId)))
    .where(
      and(
        eq(mailbox.orgId, orgId),
        notExists(
          db
            .select({ one: queueMailbox.mailboxId })
            .from(queueMailbox)
            .where(and(eq(queueMailbox.orgId, orgId), eq(queueMailbox.queueId, queueId), eq(queueMailbox.mailboxId, mailbox.id))),
        ),
      ),
    )
    .orderBy(asc(mailbox.displayName), asc(mailbox.localPart), asc(mailbox.id));
  return rows.map(({ localPart, domain, ...r }) => ({ ...r, address: `${localPart}@${domain}` }));
}
