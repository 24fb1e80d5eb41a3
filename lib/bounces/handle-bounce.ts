import "server-only";
import type { Db } from "@/db";
import { failVerificationOnBounce } from "./fail-verification-on-bounce";
import { parseBounce } from "./parse-bounce";
import { recordIgnoredReply } from "./record-ignored-reply";

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
 * at all) changes no verification; a message that is no report is written in the mailbox's history (once per
 * verification). Nothing is ever sent in answer.
 */
export async function handleBounce(db: Db, raw: Buffer, tokens: (string | null)[]): Promise<BounceOutcome> {
  const known = [...new Set(tokens.filter((t): t is string => Boolean(t)))];
  if (known.length === 0) return { failed: 0, isReport: true };
  const bounce = await parseBounce(raw);
  if (!bounce.failed) {
    // Not a report at all: it fails nothing, and the mailbox's history says that it came (issue 20 item 5).
    if (bounce.report === false) await recordIgnoredReply(db, { tokens: known, autoReply: bounce.autoReply === true });
    return { failed: 0, isReport: bounce.report !== false };
  }
  return { failed: await failVerificationOnBounce(db, { tokens: known, bounce }), isReport: true };
}
