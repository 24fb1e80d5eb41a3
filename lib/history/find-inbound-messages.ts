import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { inboundMessage } from "@/db/schema";

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

/** S4: the mailbox's latest inbound messages, newest first (20 by default). */
export async function findInboundMessages(orgId: string, mailboxId: string, limit = 20) {
  return db
    .select(inboundMessageColumns)
    .from(inboundMessage)
    .where(and(eq(inboundMessage.orgId, orgId), eq(inboundMessage.mailboxId, mailboxId)))
    .orderBy(desc(inboundMessage.receivedAt), desc(inboundMessage.id))
    .limit(limit);
}
export type InboundMessageRow = Awaited<ReturnType<typeof findInboundMessages>>[number];
