import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { demoForwardingRule, forwardingVerification, mailbox, organization } from "@/db/schema";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { AppError, notFound } from "@/lib/errors";
import { outboundSmtpUrl } from "@/lib/mail/outbound-mail";
import { recordVerificationFailed } from "@/lib/audit/record-verification-failed";
import { aliasAddress } from "@/lib/alias";

/**
 * The demo's "Confirm forwarding" on the simulated Gmail confirmation: the simulated provider starts forwarding
 * for the account whose rule points at this mailbox's alias. Only for the demo organisation, only while the
 * simulated provider is in use (no OUTBOUND_SMTP_URL).
 */
export async function confirmDemoForwarding(p: { orgId: string; mailboxId: string; now?: Date }) {
  if (outboundSmtpUrl()) throw new AppError("INVALID", "The demo provider is off: this platform sends real mail.");
  const [m] = await getDb()
    .select({ aliasToken: mailbox.aliasToken, slug: organization.slug })
    .from(mailbox)
    .innerJoin(organization, eq(organization.id, mailbox.orgId))
    .where(and(eq(mailbox.id, p.mailboxId), eq(mailbox.orgId, p.orgId)));
  if (!m || m.slug !== DEMO_ORG_SLUG) throw notFound("That mailbox");
  const alias = aliasAddress(m.aliasToken, m.slug);
  const updated = await getDb()
    .update(demoForwardingRule)
    .set({ confirmedAt: p.now ?? sql`now()` })
    .where(
      and(
        eq(demoForwardingRule.orgId, p.orgId),
        eq(demoForwardingRule.forwardTo, alias),
        eq(demoForwardingRule.provider, "gmail"),
        isNull(demoForwardingRule.confirmedAt),
        isNull(demoForwardingRule.removedAt),
      ),
    )
    .returning();
  if (updated.length === 0) throw new AppError("INVALID", "There is no Gmail confirmation waiting for this mailbox.");
  // Like Gmail, the provider does not forward what it held before the confirmation: the waiting verification
  // ends now (so the next one may start), with its sentence in the history.
  const now = p.now ?? new Date();
  await getDb().transaction(async (tx) => {
    const ended = await tx
      .update(forwardingVerification)
      .set({ failedAt: now, failureReason: "provider_held" })
      .where(
        and(
          eq(forwardingVerification.orgId, p.orgId),
          eq(forwardingVerification.mailboxId, p.mailboxId),
          isNull(forwardingVerification.verifiedAt),
          isNull(forwardingVerification.failedAt),
        ),
      )
      .returning();
    for (const v of ended) {
      await recordVerificationFailed(tx, v, { code: "provider_held", address: v.address });
    }
  });
  return { address: updated[0].address };
}
