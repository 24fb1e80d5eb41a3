import type { Db } from "@/db";
import { failVerificationOnBounce } from "./fail-verification-on-bounce";
import { parseBounce } from "./parse-bounce";

export type BounceOutcome = {
  /** How many pending verifications the report failed. */
  failed: number;
  /** False when the message is no delivery report at all (an out-of-office reply, anything else): it failed nothing. */
  isReport: boolean;
};

/**
 * R27: mail to bounce+<token>@<platform mail domain>. A delivery report (RFC 3464, or a provider's plain
 * non-delivery report) of a failure for a pending verification fails it at once, with all its tokens in one
 * transaction; anything else (unknown or finished token, a "delayed" report, an out-of-office reply, not a report
 * at all) changes nothing and is only reported back to the caller. Nothing is ever sent in answer.
 */
export async function handleBounce(db: Db, raw: Buffer, tokens: (string | null)[]): Promise<BounceOutcome> {
  const known = [...new Set(tokens.filter((t): t is string => Boolean(t)))];
  if (known.length === 0) return { failed: 0, isReport: true };
  const bounce = await parseBounce(raw);
  if (!bounce.failed) return { failed: 0, isReport: bounce.report !== false };
  return { failed: await failVerificationOnBounce(db, { tokens: known, bounce }), isReport: true };
}
