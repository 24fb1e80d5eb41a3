import { and, eq, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { forwardingVerification } from "@/db/schema";
import { recordVerificationFailed } from "@/lib/audit/record-verification-failed";
import { formatDuration } from "./verify-timeout";

/**
 * Finishes the pending verifications of a mailbox that can no longer succeed: expired ones (their test message
 * did not come back in time) and, when `currentAddress` is given, ones for an address the mailbox no longer has
 * (R25). Each outcome gets its history sentence (R19). Idempotent: a second call finds nothing to settle.
 */
export async function settleVerifications(tx: Tx, p: { orgId: string; mailboxId: string; currentAddress?: string; now: Date }) {
  const now = sql`${p.now.toISOString()}::timestamptz`; // a raw parameter: postgres-js takes no Date there
  const settled = await tx
    .update(forwardingVerification)
    .set({
      failedAt: sql`case when ${forwardingVerification.expiresAt} <= ${now} then ${forwardingVerification.expiresAt} else ${now} end`,
      failureReason: sql`case when ${forwardingVerification.expiresAt} <= ${now} then 'timeout' else 'address_changed' end`,
    })
    .where(
      and(
        eq(forwardingVerification.orgId, p.orgId),
        eq(forwardingVerification.mailboxId, p.mailboxId),
        isNull(forwardingVerification.verifiedAt),
        isNull(forwardingVerification.failedAt),
        or(lte(forwardingVerification.expiresAt, p.now), p.currentAddress ? ne(forwardingVerification.address, p.currentAddress) : sql`false`),
      ),
    )
    .returning();
  for (const v of settled) {
    await recordVerificationFailed(
      tx,
      v,
            v.failureReason === "timeout"
              ? `the test message sent to ${v.address} did not come back through the alias within ${formatDuration(v.expiresAt.getTime() - v.requestedAt.getTime())}`
              : `the mailbox's address changed before the test message sent to ${v.address} came back`,
    );
  }
  return settled.length;
}
