import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { demoForwardingRule, organization } from "@/db/schema";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { ensureDemoAccounts } from "./demo-accounts";

export type DemoBehaviour = "forwards" | "microsoft365_blocks" | "gmail_confirmation";
export type DemoRule = {
  id: string;
  address: string;
  provider: "gmail" | "microsoft365" | "generic";
  behaviour: DemoBehaviour;
  forwardTo: string;
  externalForwardingAllowed: boolean;
  confirmedAt: Date | null;
  createdAt: Date;
};

/** What the simulated provider does for a rule: like Gmail, Microsoft 365 (default policy) or any generic host. */
export function behaviourOf(r: { provider: string; externalForwardingAllowed: boolean }): DemoBehaviour {
  if (r.provider === "gmail") return "gmail_confirmation"; // forwards once confirmedAt is set (the deliverer checks it)
  if (r.provider === "microsoft365" && !r.externalForwardingAllowed) return "microsoft365_blocks";
  return "forwards";
}

/** Every rule of the demo organisation (never another organisation's), oldest first. */
export async function findDemoForwardingRules(db: DbOrTx): Promise<DemoRule[]> {
  await ensureDemoAccounts(db);
  const rows = await db
    .select({
      id: demoForwardingRule.id,
      address: demoForwardingRule.address,
      provider: demoForwardingRule.provider,
      forwardTo: demoForwardingRule.forwardTo,
      externalForwardingAllowed: demoForwardingRule.externalForwardingAllowed,
      confirmedAt: demoForwardingRule.confirmedAt,
      createdAt: demoForwardingRule.createdAt,
    })
    .from(demoForwardingRule)
    .innerJoin(organization, and(eq(organization.id, demoForwardingRule.orgId), eq(organization.slug, DEMO_ORG_SLUG)))
    .where(isNull(demoForwardingRule.removedAt))
    .orderBy(asc(demoForwardingRule.createdAt), asc(demoForwardingRule.address));
  return rows.map((r) => ({ ...r, behaviour: behaviourOf(r) }));
}

/**
 * The demo provider's rule for one address of the demo organisation's domains, in the shape its deliverer reads
 * (`behaviour`, `forwardTo`, `confirmedAt`), or undefined: no rule, the message stays in the provider's inbox.
 */
export async function findDemoForwardingRule(db: DbOrTx, address: string): Promise<DemoRule | undefined> {
  await ensureDemoAccounts(db);
  const [r] = await db
    .select({
      id: demoForwardingRule.id,
      address: demoForwardingRule.address,
      provider: demoForwardingRule.provider,
      forwardTo: demoForwardingRule.forwardTo,
      externalForwardingAllowed: demoForwardingRule.externalForwardingAllowed,
      confirmedAt: demoForwardingRule.confirmedAt,
      createdAt: demoForwardingRule.createdAt,
    })
    .from(demoForwardingRule)
    .innerJoin(organization, and(eq(organization.id, demoForwardingRule.orgId), eq(organization.slug, DEMO_ORG_SLUG)))
    .where(and(eq(demoForwardingRule.address, address.trim().toLowerCase()), isNull(demoForwardingRule.removedAt)));
  return r ? { ...r, behaviour: behaviourOf(r) } : undefined;
}

/** What the provider does for a rule, as S4's demo note says it ("Here <address> …"). */
export function describeDemoRule(r: { provider: string; behaviour: DemoBehaviour; confirmedAt: Date | null }): string {
  if (r.behaviour === "microsoft365_blocks") return "behaves like Microsoft 365 blocking external forwarding";
  if (r.behaviour === "gmail_confirmation") {
    return r.confirmedAt
      ? "behaves like Gmail, and its forwarding is confirmed"
      : "behaves like Gmail, asking to confirm the forwarding first";
  }
  return r.provider === "microsoft365"
    ? "behaves like Microsoft 365 with external forwarding allowed"
    : "forwards to the alias";
}
