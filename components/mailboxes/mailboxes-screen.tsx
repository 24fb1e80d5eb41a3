"use client";
import type { RowSelectionState } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { unpackListData, viewSearch, type ListData, type ListView } from "@/lib/mailboxes/mailbox-list-view";
import { MailboxBulkBar } from "./mailbox-bulk-bar";
import { MailboxColumnChooser } from "./mailbox-column-chooser";
import type { OptionalColumn } from "./mailbox-columns";
import { MailboxFilters } from "./mailbox-filters";
import { MailboxList } from "./mailbox-list";

/**
 * S1, below the Maker layout: ONE client component, server-rendered, whose only props are the view and the rows'
 * data in compact form (ListData), so the page's payload carries each value once instead of an element tree per row.
 */
export function MailboxesScreen(props: {
  data: ListData;
  view: ListView;
  total: number;
  limit: number;
  domainCount: number;
  timeZone: string;
  hidden: OptionalColumn[];
}) {
  const { data, view, total, limit, domainCount, timeZone } = props;
  const rows = useMemo(() => unpackListData(data), [data]);
  const queues = useMemo(() => data.queues.map(([id, name]) => ({ id, name })), [data]);
  // The table's selection (MailboxList's @tanstack state), shared with the bulk bar; rows no longer shown drop out.
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = useMemo(() => rows.filter((r) => selection[r.id]).map((r) => r.id), [rows, selection]);
  const [hidden, setHidden] = useState(props.hidden);
  const visibility = useMemo(() => Object.fromEntries(hidden.map((id) => [id, false])), [hidden]);
  const canCreate = domainCount > 0 && total < limit;
  return (
    <>
      <PageHeader
        breadcrumb={<p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Endpoints</p>}
        title="Mailboxes"
        description={<span data-testid="mailbox-count">{`${total} of ${limit} mailboxes`}</span>}
        actions={
          <div className="flex flex-col items-end gap-1">
            <div className="flex flex-wrap items-center justify-end gap-2">
              {total > 0 && (
                <>
                  <MailboxColumnChooser hidden={hidden} onChange={setHidden} />
                  <Button asChild variant="secondary">
                    <a href={`/maker/mailboxes/export${viewSearch(view)}`} download>
                      <span className="ic ic-download" aria-hidden />
                      Export CSV
                    </a>
                  </Button>
                </>
              )}
              {canCreate ? (
                <Button asChild>
                  <Link href="/maker/mailboxes/new">
                    <span className="ic ic-plus" aria-hidden />
                    Create
                  </Link>
                </Button>
              ) : (
                <Button disabled aria-describedby="create-disabled-reason">
                  <span className="ic ic-plus" aria-hidden />
                  Create
                </Button>
              )}
            </div>
            {!canCreate && (
              <p id="create-disabled-reason" className="text-xs text-slate-600">
                {domainCount === 0
                  ? "Add an email domain first."
                  : `Limit of ${limit} mailboxes reached: delete one to create another.`}
              </p>
            )}
          </div>
        }
      />
      {domainCount === 0 && (
        <Alert tone="warning" title="No email domain yet" className="mb-6">
          A mailbox address uses one of your organisation&apos;s email domains.{" "}
          <Link href="/maker/settings#domains" className="font-medium underline">
            Add an email domain in Settings
          </Link>{" "}
          to create your first mailbox.
        </Alert>
      )}
      <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        {total === 0 ? (
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
            A mailbox is an email address your customers write to. The platform gives each one an alias to forward its
            mail to.
          </EmptyState>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-4 py-2.5">
              <MailboxFilters view={view} />
              {/* The header already says how many there are: the count shows when a filter hides some. */}
              <p
                className={rows.length === total ? "sr-only" : "text-sm whitespace-nowrap text-slate-500"}
                role="status"
              >
                {rows.length === total
                  ? `${total} mailbox${total === 1 ? "" : "es"}`
                  : `${rows.length} of ${total} shown`}
              </p>
            </div>
            {rows.length === 0 ? (
              <EmptyState title="No mailbox matches">Try another search, or set the filters to All.</EmptyState>
            ) : (
              <MailboxList
                rows={rows}
                view={view}
                timeZone={timeZone}
                selection={selection}
                onSelectionChange={setSelection}
                visibility={visibility}
              />
            )}
            <MailboxBulkBar
              queues={queues}
              rows={rows}
              selected={selected}
              onDone={(ids) =>
                setSelection((s) => Object.fromEntries(Object.entries(s).filter(([id]) => !ids.includes(id))))
              }
            />
          </>
        )}
      </div>
    </>
  );
}
