import { Pencil, Star } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditList } from "@/components/audit/audit-list";
import { AccessProblem } from "@/components/auth/access-problem";
import { MailboxHealthCard } from "@/components/health/mailbox-health-card";
import { ForwardingPanel } from "@/components/inbound/forwarding-panel";
import { ForwardingInstructions } from "@/components/mailboxes/forwarding-instructions";
import { MailboxSendingPanel } from "@/components/sending/mailbox-sending-panel";
import { MailboxBlockersPanel, MailboxLifecycleActions } from "@/components/mailboxes/mailbox-lifecycle-actions";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { loadForwardingPanel } from "@/lib/forwarding/load-forwarding-panel";
import { config } from "@/lib/config";
import { describeInterval } from "@/lib/format-time";
import { loadMailboxHealth } from "@/lib/health/load-mailbox-health";
import { getCurrentMember } from "@/lib/auth/guard";
import { requirePageAccess } from "@/lib/auth/page-access";
import { findMailboxBlockers } from "@/lib/mailboxes/find-mailbox-blockers";
import { loadMailboxOr404 } from "@/lib/mailboxes/load-mailbox-or-404";
import { languageLabel } from "@/lib/org/locale";
import { findMailboxesSending } from "@/lib/sending/find-mailboxes-sending";
import { getDb } from "@/db";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { outboundSmtpUrl } from "@/lib/mail/outbound-mail";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, member] = await Promise.all([params, getCurrentMember()]);
  if (!member || member.role !== "admin" || !member.org.smartLicence) return { title: "Mailbox" };
  const m = await loadMailboxOr404(member.org.id, id);
  return { title: `${m.displayName} (${m.address})` };
}

function Setting({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 py-2 sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

const versionLabel = (v: string | null) => (v === "production" ? "Production" : v === "test" ? "Test" : "—");

export default async function MailboxPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageAccess(`/maker/mailboxes/${id}`, { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const m = await loadMailboxOr404(org.id, id);
  // Reads only (a GET writes nothing): the health tick settles expired verifications and writes their history.
  const now = new Date();
  const [forwarding, history, health, blockers, sending] = await Promise.all([
    loadForwardingPanel({ orgId: org.id, orgSlug: org.slug, mailboxId: m.id, address: m.address, now }),
    findAuditEvents({ orgId: org.id, entityType: "mailbox", entityId: m.id, limit: 50 }),
    loadMailboxHealth(org.id, m.id, org.timezone, now),
    findMailboxBlockers(org.id, m.id),
    findMailboxesSending(getDb(), { orgId: org.id, mailboxIds: [m.id] }),
  ]);
  const platform = config().PLATFORM_NAME;

  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/maker/mailboxes" className="text-sm text-brand-700 hover:underline">
            ← Mailboxes
          </Link>
        }
        title={m.displayName}
        description={<span className="flex items-center gap-2">{m.address}</span>}
        actions={
          <>
            <Button variant="secondary" asChild>
              <Link href={`/maker/mailboxes/${m.id}/edit`}>
                <Pencil className="size-4" aria-hidden />
                Edit
              </Link>
            </Button>
            <MailboxLifecycleActions
              mailbox={{ id: m.id, address: m.address, alias: m.alias, active: m.active }}
              blockers={blockers}
            />
          </>
        }
      />
      <MailboxBlockersPanel mailbox={{ id: m.id, displayName: m.displayName, active: m.active }} blockers={blockers} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card
            id="alias"
            title="Alias"
            description={`Forward ${m.address} to this address. It never changes.`}
            actions={
              <ForwardingInstructions
                platform={platform}
                address={m.address}
                alias={m.alias}
                demoMailboxId={org.slug === DEMO_ORG_SLUG && !outboundSmtpUrl() ? m.id : undefined}
              />
            }
          >
            <div className="flex flex-wrap items-center gap-3">
              <code
                className="rounded-md bg-slate-100 px-3 py-2 font-mono text-sm font-medium text-slate-900"
                data-testid="alias"
              >
                {m.alias}
              </code>
              <CopyButton text={m.alias} label="Copy alias" />
            </div>
          </Card>
          <ForwardingPanel
            data={forwarding}
            health={health.health}
            timeZone={org.timezone}
            timeoutMs={config().VERIFY_TIMEOUT}
            mailbox={{
              id: m.id,
              address: m.address,
              alias: m.alias,
              active: m.active,
              lastReceivedAt: m.lastReceivedAt,
              lastReceivedFrom: m.lastReceivedFrom,
              lastCustomerMailAt: m.lastCustomerMailAt,
              lastCustomerMailFrom: m.lastCustomerMailFrom,
            }}
          />
          <MailboxHealthCard view={health} intervalLabel={describeInterval(config().FORWARDING_CHECK_INTERVAL)} />
          <Card id="settings" title="Settings">
            <dl className="divide-y divide-slate-100">
              <Setting label="Display name">{m.displayName}</Setting>
              <Setting label="Email address">{m.address}</Setting>
              <Setting label="Timezone">{m.timezone ?? `Default (${org.timezone})`}</Setting>
              <Setting label="Language">
                {m.language ? languageLabel(m.language) : `Default (${languageLabel(org.language)})`}
              </Setting>
              <Setting label="Routing">Smart Routing</Setting>
              <Setting label="Smart Routing">{m.smartRoutingName ?? "None"}</Setting>
              {m.smartRoutingName && (
                <Setting label="Smart Routing version">{versionLabel(m.smartRoutingVersion)}</Setting>
              )}
              <Setting label="End Smart Routing">{m.endRoutingName ?? "None"}</Setting>
              {m.endRoutingName && (
                <Setting label="End Smart Routing version">{versionLabel(m.endRoutingVersion)}</Setting>
              )}
            </dl>
          </Card>
        </div>
        <div className="space-y-6">
          <MailboxSendingPanel sending={sending.get(m.id)} orgSlug={org.slug} timeZone={org.timezone} />
          <Card
            id="queues"
            title="Queues"
            description="Queues that distribute this mailbox's mail. The default mailbox of a queue sends its email."
            actions={
              <Button variant="secondary" size="sm" asChild>
                <Link href={`/maker/mailboxes/${m.id}/edit#queues`} aria-label={`Change queues of ${m.displayName}`}>
                  Change queues
                </Link>
              </Button>
            }
          >
            {m.queues.length === 0 ? (
              <p className="text-sm text-slate-600">Not linked to any queue yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Linked queues">
                {m.queues.map((q) => (
                  <li key={q.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                    <Link href={`/maker/queues/${q.id}`} className="font-medium text-brand-700 hover:underline">
                      {q.name}
                    </Link>
                    {q.isDefault && (
                      <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-800">
                        <Star className="size-3.5 fill-amber-400 text-amber-500" aria-hidden />
                        Default sender
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card id="history" title="History" description="Every change to this mailbox.">
            <AuditList page={history} />
          </Card>
        </div>
      </div>
    </>
  );
}
