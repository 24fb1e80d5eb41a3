import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { demoForwardingRule, emailDomain, mailbox, organization } from "@/db/schema";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { AppError, notFound } from "@/lib/errors";
import { outboundSmtpUrl } from "@/lib/mail/outbound-mail";
import { aliasAddress } from "@/lib/alias";
import { mailboxAddress } from "@/lib/address";

export type DemoProvider = "gmail" | "microsoft365" | "generic";
export const DEMO_PROVIDER_LABELS: Record<DemoProvider, string> = {
  gmail: "Gmail",
  microsoft365: "Microsoft 365",
  generic: "Another host",
};

const off = () => new AppError("INVALID", "The demo provider is off: this platform sends real mail.");

/**
 * The admin's step at their provider, played in the demo (issue 21 item 1): a forwarding rule from the mailbox's
 * address to its alias, at a provider that behaves like Gmail, Microsoft 365 or a generic host. Only for a mailbox
 * of the demo organisation, only while the simulation is in use. A rule already there for the address is replaced
 * (like editing it at the provider): a new rule starts unconfirmed (Gmail) and blocked (Microsoft 365's default).
 */
export async function createDemoForwardingRule(p: { orgId: string; mailboxId: string; provider: DemoProvider }) {
  if (outboundSmtpUrl()) throw off();
  const [m] = await getDb()
    .select({
      localPart: mailbox.localPart,
      domain: emailDomain.domain,
      aliasToken: mailbox.aliasToken,
      slug: organization.slug,
    })
    .from(mailbox)
    .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
    .innerJoin(organization, eq(organization.id, mailbox.orgId))
    .where(and(eq(mailbox.id, p.mailboxId), eq(mailbox.orgId, p.orgId)));
  if (!m || m.slug !== DEMO_ORG_SLUG) throw notFound("That mailbox");
  const address = mailboxAddress(m.localPart, m.domain).toLowerCase();
  const forwardTo = aliasAddress(m.aliasToken, m.slug);
  const values = {
    provider: p.provider,
    forwardTo,
    externalForwardingAllowed: false,
    confirmedAt: null,
    removedAt: null,
    createdAt: new Date(),
  };
  const [rule] = await getDb()
    .insert(demoForwardingRule)
    .values({ orgId: p.orgId, address, ...values })
    .onConflictDoUpdate({
      target: demoForwardingRule.address,
      set: values,
      where: eq(demoForwardingRule.orgId, p.orgId),
    })
    .returning();
  if (!rule) throw notFound("That mailbox");
  return { address, forwardTo, provider: p.provider };
}

/** Removes a rule at the demo provider (to see R29's health alerts work): mail to the address stays there. */
export async function removeDemoForwardingRule(p: { orgId: string; id: string }) {
  if (outboundSmtpUrl()) throw off();
  const [r] = await getDb()
    .update(demoForwardingRule)
    .set({ removedAt: new Date() })
    .where(
      and(eq(demoForwardingRule.id, p.id), eq(demoForwardingRule.orgId, p.orgId), isNull(demoForwardingRule.removedAt)),
    )
    .returning({ address: demoForwardingRule.address });
  if (!r) throw notFound("That rule");
  return r;
}

/** Microsoft 365's admin step: allow automatic forwarding to external addresses in the outbound spam policy. */
export async function allowDemoExternalForwarding(p: { orgId: string; id: string }) {
  if (outboundSmtpUrl()) throw off();
  const [r] = await getDb()
    .update(demoForwardingRule)
    .set({ externalForwardingAllowed: true })
    .where(
      and(
        eq(demoForwardingRule.id, p.id),
        eq(demoForwardingRule.orgId, p.orgId),
        eq(demoForwardingRule.provider, "microsoft365"),
        isNull(demoForwardingRule.removedAt),
      ),
    )
    .returning({ address: demoForwardingRule.address });
  if (!r) throw notFound("That rule");
  return r;
}
