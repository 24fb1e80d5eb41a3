import { Download, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AccessProblem } from "@/components/auth/access-problem";
import { MailboxBulkBar } from "@/components/mailboxes/mailbox-bulk-bar";
import { MailboxFilters } from "@/components/mailboxes/mailbox-filters";
import { MailboxList } from "@/components/mailboxes/mailbox-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requirePageAccess } from "@/lib/auth/page-access";
import { applyListView, parseListView, viewSearch } from "@/lib/mailboxes/mailbox-list-view";
import { loadMailboxesPage } from "@/lib/mailboxes/load-mailboxes-page";

export const metadata: Metadata = { title: "Mailboxes" };

export default async function MailboxesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await requirePageAccess("/maker/mailboxes", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const [{ mailboxes, domainCount, queues }, sp] = await Promise.all([loadMailboxesPage(org.id), searchParams]);
  const view = parseListView(sp);
  const rows = applyListView(mailboxes, view);
  const limit = org.mailboxLimit;
  const atLimit = mailboxes.length >= limit;
  const canCreate = domainCount > 0 && !atLimit;

  return (
    <>
      <PageHeader
        breadcrumb={<p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Endpoints</p>}
        title="Mailboxes"
        description={
          <span data-testid="mailbox-count">
            {mailboxes.length} of {limit} mailboxes
          </span>
        }
        actions={
          canCreate ? (
            <Button asChild>
              <Link href="/maker/mailboxes/new">
                <Plus className="size-4" aria-hidden />
                Create
              </Link>
            </Button>
          ) : (
            <div className="flex flex-col items-end gap-1">
              <Button disabled aria-describedby="create-disabled-reason">
                <Plus className="size-4" aria-hidden />
                Create
              </Button>
              <p id="create-disabled-reason" className="text-xs text-slate-600">
                {domainCount === 0 ? "Add an email domain first." : `Limit of ${limit} mailboxes reached: delete one to create another.`}
              </p>
            </div>
          )
        }
      />
      {domainCount === 0 && (
        <Alert tone="warning" title="No email domain yet" className="mb-6">
          A mailbox address uses one of your organisation&apos;s email domains.{" "}
          <Link href="/maker/settings#domains" className="font-medium underline">Add an email domain in Settings</Link> to create your first mailbox.
        </Alert>
      )}
      <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        {mailboxes.length === 0 ? (
          <EmptyState
            title="No mailbox yet"
            action={
              canCreate && (
                <Button asChild variant="secondary">
                  <Link href="/maker/mailboxes/new">Create your first mailbox</Link>
                </Button>
              )
            }
          >
            A mailbox is an email address your customers write to. The platform gives each one an alias to forward its mail to.
          </EmptyState>
        ) : (
          <>
            <div className="space-y-3 border-b border-slate-100 px-4 py-3">
              <MailboxFilters view={view} />
              <div className="flex flex-wrap items-start justify-between gap-2">
                <MailboxBulkBar queues={queues} />
                <div className="flex items-center gap-3">
                  <p className="text-sm text-slate-500" role="status">
                    {rows.length === mailboxes.length ? `${rows.length} mailbox${rows.length === 1 ? "" : "es"}` : `${rows.length} of ${mailboxes.length} shown`}
                  </p>
                  <Button asChild variant="secondary" size="sm">
                    <a href={`/maker/mailboxes/export${viewSearch(view)}`} download>
                      <Download className="size-4" aria-hidden />
                      Export CSV
                    </a>
                  </Button>
                </div>
              </div>
            </div>
            {rows.length === 0 ? (
              <EmptyState title="No mailbox matches">Try another search, or set the filters to All.</EmptyState>
            ) : (
              <MailboxList rows={rows} view={view} now={new Date()} timeZone={org.timezone} />
            )}
          </>
        )}
      </div>
    </>
  );
}
