import type { Metadata } from "next";
import Link from "next/link";
import { AccessProblem } from "@/components/auth/access-problem";
import { MailboxForm } from "@/components/mailboxes/mailbox-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/auth/page-access";
import { countMailboxes } from "@/lib/mailboxes/count-mailboxes";
import { EMPTY_MAILBOX_FIELDS } from "@/lib/mailboxes/schemas";
import { languageLabel } from "@/lib/org/locale";
import { findQueues } from "@/lib/queues/find-queues";
import { MAX_QUEUE_MAILBOXES } from "@/lib/queues/schemas";
import { findOrgSettings } from "@/lib/settings/find-org-settings";

export const metadata: Metadata = { title: "Create mailbox" };

export default async function NewMailboxPage() {
  const access = await requirePageAccess("/maker/mailboxes/new", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const [{ domains, routings }, queues, total] = await Promise.all([
    findOrgSettings(org.id),
    findQueues(org.id),
    countMailboxes(org.id),
  ]);
  // R10 told before the effort: at the limit the form is not shown, the ways out are.
  const full = total >= org.mailboxLimit;
  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/maker/mailboxes" className="text-sm text-brand-700 hover:underline">
            ← Mailboxes
          </Link>
        }
        title="Create mailbox"
        description="The platform generates a forwarding alias for it as soon as it is created."
      />
      {full ? (
        <Alert tone="warning" title={`${total} of ${org.mailboxLimit} mailboxes: the limit of your licence`}>
          <p>
            Inactive mailboxes count too: delete one you no longer need to free a place (open it, then Delete; a mailbox
            in a queue is removed from its queues first). Deactivating alone does not free a place.
          </p>
          <p className="mt-3 flex flex-wrap gap-2">
            <Button asChild size="sm">
              <Link href="/maker/mailboxes?status=inactive">Inactive mailboxes</Link>
            </Button>
            <Button asChild size="sm" variant="secondary">
              <Link href="/maker/mailboxes">All mailboxes</Link>
            </Button>
          </p>
        </Alert>
      ) : domains.length === 0 ? (
        <Alert tone="warning" title="No email domain yet">
          A mailbox address uses one of your organisation&apos;s email domains.{" "}
          <Link href="/maker/settings#domains" className="font-medium underline">
            Add an email domain in Settings
          </Link>{" "}
          first.
        </Alert>
      ) : (
        <Card>
          <MailboxForm
            mode="create"
            defaults={{ ...EMPTY_MAILBOX_FIELDS, domainId: domains.length === 1 ? domains[0].id : "" }}
            domains={domains}
            routings={routings}
            org={{ timezone: org.timezone, languageLabel: languageLabel(org.language) }}
            queues={queues.map((q) => ({
              id: q.id,
              name: q.name,
              mailboxCount: q.mailboxCount,
              hasDefault: !!q.defaultMailbox,
            }))}
            maxPerQueue={MAX_QUEUE_MAILBOXES}
          />
        </Card>
      )}
    </>
  );
}
