import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { forwardingVerification } from "@/db/schema";
import type { BounceFacts } from "@/lib/bounces/parse-bounce";
import { bounceExplanation } from "@/lib/bounces/explain-bounce";
import { recordVerificationFailed } from "@/lib/audit/record-verification-failed";

/**
 * R27: a bounce of the test message of verification `token` fails it at once, with the provider's status line
 * and its kind, and says so in the history. Only a pending verification changes; a bounce for an unknown or
 * finished one changes nothing (the receiver accepts it and drops it: never answered, never a loop).
 */
export async function failVerificationOnBounce(db: Db, p: { token: string; bounce: Extract<BounceFacts, { failed: true }>; now?: Date }): Promise<boolean> {
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    const [v] = await tx
      .update(forwardingVerification)
      .set({ failedAt: now, failureReason: "bounce", bounceStatus: p.bounce.statusLine, bounceKind: p.bounce.kind })
      .where(and(eq(forwardingVerification.token, p.token), isNull(forwardingVerification.verifiedAt), isNull(forwardingVerification.failedAt)))
      .returning();
    if (!v) return false;
    await recordVerificationFailed(tx, v, `${bounceExplanation(p.bounce.kind).title}: ${p.bounce.statusLine}`);
    return true;
  });
}
