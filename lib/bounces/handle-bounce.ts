import type { Db } from "@/db";
import { failVerificationOnBounce } from "@/lib/bounces/fail-verification-on-bounce";
import { parseBounce } from "@/lib/bounces/parse-bounce";

/**
 * R27: mail to bounce+<token>@<platform mail domain>. A failure report for a pending verification fails it at
 * once; anything else (unknown or finished token, a "delayed" report, not a report at all) is dropped. Nothing is
 * ever sent in answer. Returns how many verifications it failed.
 */
export async function handleBounce(db: Db, raw: Buffer, tokens: (string | null)[]): Promise<number> {
  const known = [...new Set(tokens.filter((t): t is string => Boolean(t)))];
  if (known.length === 0) return 0;
  const bounce = await parseBounce(raw);
  if (!bounce.failed) return 0;
  let failed = 0;
  for (const token of known) if (await failVerificationOnBounce(db, { token, bounce })) failed++;
  return failed;
}
