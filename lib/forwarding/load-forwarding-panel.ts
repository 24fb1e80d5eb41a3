import "server-only";
import { db } from "@/db";
import { describeDemoRule, findDemoForwardingRule } from "@/lib/demo-provider/find-demo-forwarding-rule";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { findInboundMessages } from "@/lib/inbound/find-inbound-messages";
import { findProviderConfirmation } from "@/lib/inbound/find-provider-confirmation";
import { platformMailRoute } from "@/lib/mail/send-platform-mail";
import { findLatestVerification } from "./find-latest-verification";
import { settleVerifications } from "./settle-verifications";
import { forwardingStatusOf } from "./status";

/**
 * Everything S4's forwarding section shows, for the mailbox's CURRENT address: its status (R22, R25), the latest
 * verification's outcome, provider confirmations (R23, R28), the evidence of real mail (R26), and how test
 * messages travel (real outbound mail, the demo's simulated provider, or not enabled). Verifications that can
 * no longer succeed are settled first, so their outcome is in the history (R19).
 */
export async function loadForwardingPanel(p: { orgId: string; orgSlug: string; mailboxId: string; address: string; now?: Date }) {
  const now = p.now ?? new Date();
  await db.transaction((tx) => settleVerifications(tx, { orgId: p.orgId, mailboxId: p.mailboxId, currentAddress: p.address, now }));
  const [{ latest, addressChanged }, messages, provider] = await Promise.all([
    findLatestVerification(p.orgId, p.mailboxId, p.address),
    findInboundMessages(p.orgId, p.mailboxId, 20),
    findProviderConfirmation(p.orgId, p.mailboxId),
  ]);
  const route = platformMailRoute(p.address);
  const mailRoute = route === "demo" && p.orgSlug !== DEMO_ORG_SLUG ? null : route;
  const demoRule = mailRoute === "demo" ? await findDemoForwardingRule(db, p.address) : undefined;
  const demoAccount = demoRule ? { address: demoRule.address, says: describeDemoRule(demoRule) } : null;
  const status = forwardingStatusOf(latest, now);
  // A confirmation matters until forwarding has been verified after it arrived.
  const confirmationWaiting = Boolean(provider.confirmation && !(status === "verified" && latest?.verifiedAt && latest.verifiedAt > provider.confirmation.receivedAt));
  return { now, status, latest, addressChanged, messages, ...provider, confirmationWaiting, mailRoute, demoAccount };
}
export type ForwardingPanelData = Awaited<ReturnType<typeof loadForwardingPanel>>;
