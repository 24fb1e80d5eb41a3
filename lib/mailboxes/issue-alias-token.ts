import "server-only";
import type { Tx } from "@/db";
import { aliasToken } from "@/db/schema";
import { generateAliasToken } from "@/lib/alias";

/**
 * Issues a token no mailbox has ever had (R11): the registry keeps every token, also after its mailbox is
 * deleted, and its primary key makes a reissue impossible. A collision (about 1 in 3.6e15) draws again.
 */
export async function issueAliasToken(
  tx: Tx,
  orgId: string,
  generate: () => string = generateAliasToken,
): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = generate();
    const inserted = await tx
      .insert(aliasToken)
      .values({ token, orgId })
      .onConflictDoNothing({ target: aliasToken.token })
      .returning({ token: aliasToken.token });
    if (inserted.length) return inserted[0].token;
  }
  throw new Error("could not draw a fresh alias token after 5 attempts");
}
