import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { emailDomain, mailbox } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { mailboxAddress } from "@/lib/address";

/**
 * Reads one of the organisation's mailboxes with its address and locks it FOR SHARE until the transaction
 * ends, so that its `active` flag cannot change (the mailbox service deactivates under FOR UPDATE) while a
 * queue makes it its default (R17). Always called after lockQueue: a queue row is never locked after a
 * mailbox row, so the two services cannot deadlock.
 */
export async function shareLockMailbox(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select({
      id: mailbox.id,
      displayName: mailbox.displayName,
      localPart: mailbox.localPart,
      active: mailbox.active,
      domain: emailDomain.domain,
    })
    .from(mailbox)
    .innerJoin(emailDomain, and(eq(emailDomain.id, mailbox.domainId), eq(emailDomain.orgId, mailbox.orgId)))
    .where(and(eq(mailbox.id, id), eq(mailbox.orgId, orgId)))
    .for("share", { of: mailbox });
  if (!row) throw notFound("That mailbox");
  return {
    id: row.id,
    displayName: row.displayName,
    active: row.active,
    address: mailboxAddress(row.localPart, row.domain),
  };
}
