import type { Metadata } from "next";
import { AuditList } from "@/components/audit/audit-list";
import { AccessProblem } from "@/components/auth/access-problem";
import { AlertRecipientsCard } from "@/components/settings/alert-recipients-card";
import { ApiKeysCard } from "@/components/settings/api-keys-card";
import { LicenceCard } from "@/components/settings/licence-card";
import { MembersCard } from "@/components/settings/members-card";
import { EmailDomainsCard } from "@/components/settings/email-domains-card";
import { OrgDefaultsForm } from "@/components/settings/org-defaults-form";
import { SmartRoutingsCard } from "@/components/settings/smart-routings-card";
import { Card, PageHeader } from "@/components/ui/card";
import { WebhooksCard } from "@/components/webhooks/webhooks-card";
import { findApiKeys } from "@/lib/api/find-api-keys";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { requirePageAccess } from "@/lib/auth/page-access";
import { findDomainsSending } from "@/lib/sending/find-domains-sending";
import { findOrgSettings } from "@/lib/settings/find-org-settings";
import { getDb } from "@/db";
import { findMembers } from "@/lib/members/find-members";
import { findWebhookEndpoints } from "@/lib/webhooks/find-webhook-endpoints";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const access = await requirePageAccess("/maker/settings", { licence: false });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const [{ domains, routings }, events, apiKeys, sending, people, webhooks] = await Promise.all([
    findOrgSettings(org.id),
    findAuditEvents({ orgId: org.id, limit: 15 }),
    findApiKeys(org.id),
    findDomainsSending(getDb(), { orgId: org.id }),
    findMembers(org.id),
    findWebhookEndpoints(org.id),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`Defaults, email domains, smart routings, members, alerts and licence of ${org.name}.`}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card id="defaults" title="Organisation defaults" description="Mailboxes set to “Default” use these.">
          <OrgDefaultsForm defaults={{ timezone: org.timezone, language: org.language as never }} />
        </Card>
        <EmailDomainsCard domains={domains.map((d) => ({ ...d, sending: sending.get(d.id) }))} />
        <SmartRoutingsCard routings={routings} />
        <MembersCard members={people.members} currentUserId={access.member.user.id} />
        <AlertRecipientsCard members={people.members} chosen={people.chosen} />
        <LicenceCard
          smartLicence={org.smartLicence}
          mailboxLimit={org.mailboxLimit}
          mailboxCount={people.mailboxCount}
        />
        <ApiKeysCard keys={apiKeys} />
        <WebhooksCard endpoints={webhooks} />
        <Card id="activity" title="Recent activity" description="Every change in this organisation, newest first.">
          <AuditList page={events} showEntity />
        </Card>
      </div>
    </>
  );
}
