import "server-only";
import { getDb } from "@/db";
import { describeDemoRule, findDemoForwardingRule } from "@/lib/demo-provider/find-demo-forwarding-rule";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { findInboundMessages } from "@/lib/history/find-inbound-messages";
import { findProviderConfirmation } from "@/lib/provider-confirmations/find-provider-confirmation";
import { platformMailRoute } from "@/lib/platform-mail/send-platform-mail";
import { findLatestVerification } from "./find-latest-verification";

/**
 * The details S4's forwarding section shows beside the mailbox's ONE state (lib/mailbox-state, read with the health
 * section): the latest verification of the CURRENT address (its times, a bounce's status line: R22, R25, R27),
 * provider confirmations (R23, R28), the latest inbound messages, and how test messages travel (real outbound mail,
 * the demo's simulated provider, or not enabled). Reads only: the health tick settles expired verifications.
 */
export async function loadForwardingPanel(p: {
  orgId: string;
  orgSlug: string;
  mailboxId: string;
  address: string;
  now?: Date;
}) {
  const now = p.now ?? new Date();
  const [{ latest }, messages, provider] = await Promise.all([
    findLatestVerification(p.orgId, p.mailboxId, p.address),
    findInboundMessages(p.orgId, p.mailboxId, 20),
    findProviderConfirmation(p.orgId, p.mailboxId),
  ]);
  const route = platformMailRoute(p.address);
  const mailRoute = route === "demo" && p.orgSlug !== DEMO_ORG_SLUG ? null : route;
  const demoRule = mailRoute === "demo" ? await findDemoForwardingRule(getDb(), p.address) : undefined;
  const demoAccount = demoRule ? { address: demoRule.address, says: describeDemoRule(demoRule) } : null;
  return { now, latest, messages, ...provider, mailRoute, demoAccount };
}
export type ForwardingPanelData = Awaited<ReturnType<typeof loadForwardingPanel>>;
