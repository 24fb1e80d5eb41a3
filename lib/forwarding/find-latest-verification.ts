import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { forwardingVerification } from "@/db/schema";

/** The mailbox's latest verification request (its forwarding status derives from it, R22), or null. */
export async function findLatestVerification(orgId: string, mailboxId: string) {
  const [row] = await db
    .select({
      id: forwardingVerification.id,
      requestedAt: forwardingVerification.requestedAt,
      expiresAt: forwardingVerification.expiresAt,
      verifiedAt: forwardingVerification.verifiedAt,
    })
    .from(forwardingVerification)
    .where(and(eq(forwardingVerification.orgId, orgId), eq(forwardingVerification.mailboxId, mailboxId)))
    .orderBy(desc(forwardingVerification.requestedAt))
    .limit(1);
  return row ?? null;
}
export type LatestVerificationRow = NonNullable<Awaited<ReturnType<typeof findLatestVerification>>>;
