import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { emailDomain, mailbox } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { mailboxAddress } from "@/lib/address";

/**
 * Locks one of the organisation's mailboxes for the rest of the transaction (FOR UPDATE), with its
 * address. Another organisation's mailbox is not found, exactly like a missing one (R18).
 */
export async function lockMailbox(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select({ mailbox, domain: emailDomain.domain })
    .from(mailbox)
    .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
    .where(and(eq(mailbox.id, id), eq(mailbox.orgId, orgId)))
    .for("update", { of: mailbox });
  if (!row) throw notFound("That mailbox");
  return { ...row.mailbox, address: mailboxAddress(row.mailbox.localPart, row.domain) };
}
