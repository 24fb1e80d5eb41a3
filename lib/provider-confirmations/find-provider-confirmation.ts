import "server-only";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { inboundMessage } from "@/db/schema";

/**
 * R23, R28: the latest AUTHENTIC provider forwarding confirmation that reached the mailbox's alias (DKIM verified
 * for the provider's domain, or the demo's simulated one), and the latest provider message that could not be
 * authenticated (its signature could not be checked), so S4 can say so.
 */
export async function findProviderConfirmation(orgId: string, mailboxId: string) {
  const scope = and(eq(inboundMessage.orgId, orgId), eq(inboundMessage.mailboxId, mailboxId));
  const [row] = await getDb()
    .select({
      provider: inboundMessage.confirmationProvider,
      code: inboundMessage.confirmationCode,
      url: inboundMessage.confirmationUrl,
      requestedBy: inboundMessage.confirmationRequestedBy,
      receivedAt: inboundMessage.receivedAt,
      auth: inboundMessage.providerAuth,
    })
    .from(inboundMessage)
    .where(
      and(
        scope,
        isNotNull(inboundMessage.confirmationProvider),
        inArray(inboundMessage.providerAuth, ["pass", "demo"]),
      ),
    )
    .orderBy(desc(inboundMessage.receivedAt))
    .limit(1);
  const [unchecked] = await getDb()
    .select({ receivedAt: inboundMessage.receivedAt, headerFrom: inboundMessage.headerFrom })
    .from(inboundMessage)
    .where(and(scope, eq(inboundMessage.providerAuth, "temperror")))
    .orderBy(desc(inboundMessage.receivedAt))
    .limit(1);
  const confirmation =
    row?.provider && (row.url || row.auth === "demo")
      ? {
          provider: row.provider,
          code: row.code,
          url: row.url,
          receivedAt: row.receivedAt,
          simulated: row.auth === "demo",
          // The Gmail address that asked to forward, stored when the confirmation was recorded (parse-gmail-
          // confirmation.ts).
          requestedBy: row.requestedBy,
        }
      : null;
  const unauthenticated =
    unchecked && (!confirmation || unchecked.receivedAt > confirmation.receivedAt) ? unchecked : null;
  return { confirmation, unauthenticated };
}
export type ProviderConfirmationRow = NonNullable<Awaited<ReturnType<typeof findProviderConfirmation>>["confirmation"]>;
