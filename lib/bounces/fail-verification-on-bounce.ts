import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { forwardingVerification } from "@/db/schema";
import type { BounceFacts } from "@/lib/bounces/parse-bounce";
import { bounceCode } from "@/lib/bounces/explain-bounce";
import { recordVerificationFailed } from "@/lib/audit/record-verification-failed";

/**
 * R27: a bounce of the test message of verification `token` (or of each of `tokens`: a report to many bounce+
 * addresses costs one transaction) fails it at once, with the provider's status line and its kind, and says so in
 * the history. Only a pending verification changes; a bounce for an unknown or finished one changes nothing (the
 * receiver accepts it and drops it: never answered, never a loop). Returns how many it failed.
 */
export async function failVerificationOnBounce(
  db: Db,
  p: { tokens: string[]; bounce: Extract<BounceFacts, { failed: true }>; now?: Date },
): Promise<number> {
  const now = p.now ?? new Date();
  if (p.tokens.length === 0) return 0;
  return db.transaction(async (tx) => {
    const failed = await tx
      .update(forwardingVerification)
      .set({ failedAt: now, failureReason: "bounce", bounceStatus: p.bounce.statusLine, bounceKind: p.bounce.kind })
      .where(
        and(
          inArray(forwardingVerification.token, p.tokens),
          isNull(forwardingVerification.verifiedAt),
          isNull(forwardingVerification.failedAt),
        ),
      )
      .returning();
    for (const v of failed)
      await recordVerificationFailed(tx, v, {
        code: "bounce",
        kind: bounceCode(p.bounce.kind).code,
        status: p.bounce.statusLine,
      });
    return failed.length;
  });
}
