import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessProblem } from "@/components/auth/access-problem";
import { DemoForwardingRules } from "@/components/inbound/demo-forwarding-rules";
import { DemoOutbox } from "@/components/inbound/demo-outbox";
import { DemoDnsPanel } from "@/components/sending/demo-dns-panel";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageAccess } from "@/lib/auth/page-access";
import { findDemoOutbox } from "@/lib/demo-provider/find-demo-outbox";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { outboundSmtpUrl } from "@/lib/mail/outbound-mail";
import { loadDemoDns } from "@/lib/sending/load-demo-dns";

export const metadata: Metadata = { title: "Demo provider outbox" };

/** The demo organisation's simulated mail provider: only there, and only while it is in use (no OUTBOUND_SMTP_URL). */
export default async function DemoProviderPage() {
  const access = await requirePageAccess("/maker/demo-provider", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  if (access.member.org.slug !== DEMO_ORG_SLUG || outboundSmtpUrl()) notFound();
  const [{ messages, accounts }, dnsDomains] = await Promise.all([
    findDemoOutbox(),
    loadDemoDns(getDb(), { orgId: access.member.org.id }),
  ]);
  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/maker/mailboxes" className="text-sm text-brand-700 hover:underline">
            ← Mailboxes
          </Link>
        }
        title="Demo provider outbox"
        description="Demo provider: a mail provider simulated inside this app for the demo's domains, because no outgoing mail server is configured (OUTBOUND_SMTP_URL). It holds every address of the demo's domains: an address forwards only once its rule exists, and then forwards, bounces or asks for a confirmation like Gmail, Microsoft 365 or another host would."
      />
      <div className="space-y-6">
        <DemoForwardingRules rules={accounts} />
        <DemoDnsPanel domains={dnsDomains} timeZone={access.member.org.timezone} />
        <DemoOutbox messages={messages} />
      </div>
    </>
  );
}
