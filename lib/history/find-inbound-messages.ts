import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { inboundMessage } from "@/db/schema";
import { pageOf, type Page } from "@/lib/paging";

/** What S4 shows of an inbound message (the first page and "Show older" alike). */
export const inboundMessageColumns = {
  id: inboundMessage.id,
  receivedAt: inboundMessage.receivedAt,
  envelopeFrom: inboundMessage.envelopeFrom,
  headerFrom: inboundMessage.headerFrom,
  subject: inboundMessage.subject,
  messageId: inboundMessage.messageId,
  sizeBytes: inboundMessage.sizeBytes,
  autoSubmitted: inboundMessage.autoSubmitted,
  confirmationProvider: inboundMessage.confirmationProvider,
  kind: inboundMessage.kind,
  providerAuth: inboundMessage.providerAuth,
};

async function latest(orgId: string, mailboxId: string, limit: number) {
  return getDb()
    .select(inboundMessageColumns)
    .from(inboundMessage)
    .where(and(eq(inboundMessage.orgId, orgId), eq(inboundMessage.mailboxId, mailboxId)))
    .orderBy(desc(inboundMessage.receivedAt), desc(inboundMessage.id))
    .limit(limit);
}
export type InboundMessageRow = Awaited<ReturnType<typeof latest>>[number];

/** S4: the mailbox's latest inbound messages, newest first (20 by default), as a Page: whether older ones exist. */
export async function findInboundMessages(
  orgId: string,
  mailboxId: string,
  limit = 20,
): Promise<Page<InboundMessageRow>> {
  return pageOf(await latest(orgId, mailboxId, limit + 1), limit);
}
