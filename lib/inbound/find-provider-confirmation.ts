import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { inboundMessage } from "@/db/schema";

/** R23: the latest provider forwarding confirmation (Gmail's code and link) that reached the mailbox's alias. */
export async function findProviderConfirmation(orgId: string, mailboxId: string) {
  const [row] = await db
    .select({
      provider: inboundMessage.confirmationProvider,
      code: inboundMessage.confirmationCode,
      url: inboundMessage.confirmationUrl,
      subject: inboundMessage.subject,
      receivedAt: inboundMessage.receivedAt,
    })
    .from(inboundMessage)
    .where(and(eq(inboundMessage.orgId, orgId), eq(inboundMessage.mailboxId, mailboxId), isNotNull(inboundMessage.confirmationProvider)))
    .orderBy(desc(inboundMessage.receivedAt))
    .limit(1);
  if (!row?.provider || !row.code || !row.url) return null;
  // The Gmail address that asked to forward, from the subject ("… Receive Mail from someone@gmail.com").
  const requestedBy = /from\s+(\S+@\S+)\s*$/i.exec(row.subject ?? "")?.[1] ?? null;
  return { provider: row.provider, code: row.code, url: row.url, receivedAt: row.receivedAt, requestedBy };
}
export type ProviderConfirmationRow = NonNullable<Awaited<ReturnType<typeof findProviderConfirmation>>>;
