import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AccessProblem } from "@/components/auth/access-problem";
import { MailboxesTable, type ListView } from "@/components/mailboxes/mailboxes-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requirePageAccess } from "@/lib/auth/page-access";
import { loadMailboxesPage } from "@/lib/mailboxes/load-mailboxes-page";

export const metadata: Metadata = { title: "Mailboxes" };

const SORTABLE = ["displayName", "address", "alias", "status", "queues", "smartRouting", "lastReceived"];

function viewFrom(sp: Record<string, string | string[] | undefined>): ListView {
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const status = one("status");
  const sort = one("sort");
  return {
    q: one("q").slice(0, 200),
    status: status === "active" || status === "inactive" ? status : "all",
    sort: SORTABLE.includes(sort) ? sort : "displayName",
    dir: one("dir") === "desc" ? "desc" : "asc",
  };
}

export default async function MailboxesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await requirePageAccess("/maker/mailboxes", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const [{ mailboxes, domainCount }, sp] = await Promise.all([loadMailboxesPage(org.id), searchParams]);
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
          <MailboxesTable rows={mailboxes} initialView={viewFrom(sp)} />
        )}
      </div>
    </>
  );
}
