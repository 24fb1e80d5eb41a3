import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { forwardingVerification } from "@/db/schema";

/**
 * The mailbox's latest verification of its CURRENT address (R25: a verification proves one address → alias rule),
 * or null: its times and a bounce's status line, which S4 shows beside the mailbox's state (lib/mailbox-state).
 */
export async function findLatestVerification(orgId: string, mailboxId: string, address: string) {
  const columns = {
    id: forwardingVerification.id,
    address: forwardingVerification.address,
    requestedAt: forwardingVerification.requestedAt,
    expiresAt: forwardingVerification.expiresAt,
    verifiedAt: forwardingVerification.verifiedAt,
    failedAt: forwardingVerification.failedAt,
    failureReason: forwardingVerification.failureReason,
    bounceStatus: forwardingVerification.bounceStatus,
    bounceKind: forwardingVerification.bounceKind,
    automatic: forwardingVerification.automatic,
  };
  const scope = and(eq(forwardingVerification.orgId, orgId), eq(forwardingVerification.mailboxId, mailboxId));
  const [row] = await getDb()
    .select(columns)
    .from(forwardingVerification)
    .where(and(scope, eq(forwardingVerification.address, address)))
    .orderBy(desc(forwardingVerification.requestedAt))
    .limit(1);
  return { latest: row ?? null };
}
export type LatestVerificationRow = NonNullable<Awaited<ReturnType<typeof findLatestVerification>>["latest"]>;
