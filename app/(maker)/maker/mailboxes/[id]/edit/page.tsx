import type { Metadata } from "next";
import Link from "next/link";
import { AccessProblem } from "@/components/auth/access-problem";
import { MailboxForm } from "@/components/mailboxes/mailbox-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getCurrentMember } from "@/lib/auth/guard";
import { requirePageAccess } from "@/lib/auth/page-access";
import { loadMailboxOr404 } from "@/lib/mailboxes/load-mailbox-or-404";
import { languageLabel } from "@/lib/org/locale";
import { findQueues } from "@/lib/queues/find-queues";
import { MAX_QUEUE_MAILBOXES } from "@/lib/queues/schemas";
import { findOrgSettings } from "@/lib/settings/find-org-settings";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, member] = await Promise.all([params, getCurrentMember()]);
  if (!member || member.role !== "admin" || !member.org.smartLicence) return { title: "Edit mailbox" };
  const m = await loadMailboxOr404(member.org.id, id);
  return { title: `Edit ${m.displayName} (${m.address})` };
}

export default async function EditMailboxPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageAccess(`/maker/mailboxes/${id}/edit`, { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const [m, { domains, routings }, queues] = await Promise.all([
    loadMailboxOr404(org.id, id),
    findOrgSettings(org.id),
    findQueues(org.id),
  ]);
  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href={`/maker/mailboxes/${m.id}`} className="text-sm text-brand-700 hover:underline">
            ← {m.displayName}
          </Link>
        }
        title={`Edit ${m.displayName}`}
        description={
          <>
            The alias <code className="font-mono text-xs">{m.alias}</code> never changes, whatever you edit.
          </>
        }
      />
      <Card>
        <MailboxForm
          mode="edit"
          mailbox={{ id: m.id, version: m.version }}
          defaults={{
            displayName: m.displayName,
            localPart: m.localPart,
            domainId: m.domainId,
            timezone: m.timezone ?? "",
            language: (m.language ?? "") as never,
            routing: "smart",
            smartRoutingId: m.smartRoutingId ?? "",
            smartRoutingVersion: m.smartRoutingVersion ?? "",
            endRoutingId: m.endRoutingId ?? "",
            endRoutingVersion: m.endRoutingVersion ?? "",
          }}
          domains={domains}
          routings={routings}
          org={{ timezone: org.timezone, languageLabel: languageLabel(org.language) }}
          queues={queues.map((q) => ({
            id: q.id,
            name: q.name,
            mailboxCount: q.mailboxCount,
            hasDefault: !!q.defaultMailbox,
          }))}
          linked={m.queues.map((q) => ({ id: q.id, isDefault: q.isDefault }))}
          active={m.active}
          maxPerQueue={MAX_QUEUE_MAILBOXES}
        />
      </Card>
    </>
  );
}
