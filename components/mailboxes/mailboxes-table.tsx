"use client";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type FilterFn,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Search, Star } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Input, NativeSelect } from "@/components/ui/input";
import { EmptyState, Td, Th } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { MailboxListItem } from "@/lib/mailboxes/find-mailboxes";
import { HealthBadge } from "@/components/health/health-badge";
import { ActiveBadge, ReceivingMailBadge, RoutingVersion } from "./status-badges";

export type ListView = { q: string; status: "all" | "active" | "inactive"; sort: string; dir: "asc" | "desc" };

const col = createColumnHelper<MailboxListItem>();

const textFilter: FilterFn<MailboxListItem> = (row, _id, value: string) => {
  const q = value.trim().toLowerCase();
  if (!q) return true;
  const m = row.original;
  return [m.displayName, m.address, m.alias].some((s) => s.toLowerCase().includes(q));
};

/** S1: the organisation's mailboxes, sortable by each column, filtered by text and status; the view lives in the URL. */
export function MailboxesTable({ rows, initialView }: { rows: MailboxListItem[]; initialView: ListView }) {
  const [q, setQ] = useState(initialView.q);
  const [status, setStatus] = useState(initialView.status);
  const [sorting, setSorting] = useState<SortingState>([{ id: initialView.sort, desc: initialView.dir === "desc" }]);
  const [now] = useState(() => new Date());

  // Keep the view in the URL so that a reload or a shared link shows the same list.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const set = (k: string, v: string, dflt: string) => (v && v !== dflt ? params.set(k, v) : params.delete(k));
    set("q", q.trim(), "");
    set("status", status, "all");
    set("sort", sorting[0]?.id ?? "displayName", "displayName");
    set("dir", sorting[0]?.desc ? "desc" : "asc", "asc");
    const search = params.toString();
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  }, [q, status, sorting]);

  const columns = useMemo(
    () => [
      col.accessor("displayName", {
        header: "Display name",
        cell: (c) => (
          <Link href={`/maker/mailboxes/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor("address", { header: "Address", cell: (c) => <span className="whitespace-nowrap">{c.getValue()}</span> }),
      col.accessor("alias", {
        header: "Alias",
        cell: (c) => (
          <span className="flex items-center gap-1.5">
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{c.getValue()}</code>
            <CopyButton text={c.getValue()} label="Copy alias" srLabel={`Copy alias of ${c.row.original.displayName}`} size="icon" />
          </span>
        ),
      }),
      col.accessor((m) => (m.active ? 0 : 1), {
        id: "status",
        header: "Status",
        cell: (c) => (
          <span className="flex flex-col items-start gap-1">
            <ActiveBadge active={c.row.original.active} />
            <HealthBadge health={c.row.original.health} />
            <ReceivingMailBadge lastCustomerMailAt={c.row.original.lastCustomerMailAt} now={now} />
          </span>
        ),
      }),
      col.accessor((m) => m.queues.map((x) => x.name).join(", "), {
        id: "queues",
        header: "Queues",
        cell: (c) =>
          c.row.original.queues.length === 0 ? (
            <span className="text-slate-500">None</span>
          ) : (
            <ul className="flex flex-wrap gap-1">
              {c.row.original.queues.map((queue) => (
                <li key={queue.id}>
                  <Link
                    href={`/maker/queues/${queue.id}`}
                    className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-200"
                    title={queue.isDefault ? `Default sender of ${queue.name}` : undefined}
                  >
                    {queue.isDefault && <Star className="size-3 fill-amber-400 text-amber-500" aria-label="Default" />}
                    {queue.name}
                  </Link>
                </li>
              ))}
            </ul>
          ),
      }),
      col.accessor((m) => m.smartRouting?.name ?? "", {
        id: "smartRouting",
        header: "Smart routing",
        cell: (c) => {
          const r = c.row.original.smartRouting;
          return r ? (
            <span className="whitespace-nowrap">
              {r.name} <RoutingVersion version={r.version} />
            </span>
          ) : (
            <span className="text-slate-500">None</span>
          );
        },
      }),
      // R26: the last CUSTOMER mail (the platform's own test messages and providers' messages do not count).
      col.accessor((m) => m.lastCustomerMailAt?.getTime() ?? 0, {
        id: "lastReceived",
        header: "Last received",
        cell: (c) => {
          const m = c.row.original;
          if (!m.lastCustomerMailAt) return <span className="text-slate-500">Never</span>;
          return (
            <span className="text-sm">
              <TimeAgo date={m.lastCustomerMailAt} now={now} />
              {m.lastCustomerMailFrom && <span className="block max-w-48 truncate text-xs text-slate-500">from {m.lastCustomerMailFrom}</span>}
            </span>
          );
        },
      }),
    ],
    [now],
  );

  const data = useMemo(() => (status === "all" ? rows : rows.filter((r) => r.active === (status === "active"))), [rows, status]);
  // TanStack Table v8 returns functions that React Compiler cannot memoize; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: q },
    onSortingChange: setSorting,
    onGlobalFilterChange: setQ,
    globalFilterFn: textFilter,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableSortingRemoval: false,
  });
  const visible = table.getRowModel().rows;

  return (
    <div>
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3">
        <div className="relative min-w-56 flex-1">
          <label htmlFor="mailbox-filter" className="sr-only">Filter mailboxes</label>
          <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" aria-hidden />
          <Input id="mailbox-filter" type="search" placeholder="Filter by name, address or alias" value={q} onChange={(e) => setQ(e.target.value)} className="pl-9" />
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor="status-filter" className="text-sm text-slate-600">Status</label>
          <NativeSelect id="status-filter" value={status} onChange={(e) => setStatus(e.target.value as ListView["status"])} className="w-36">
            <option value="all">All</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </NativeSelect>
        </div>
        <p className="text-sm text-slate-500" role="status" aria-live="polite">
          {visible.length === rows.length ? `${rows.length} mailbox${rows.length === 1 ? "" : "es"}` : `${visible.length} of ${rows.length} shown`}
        </p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                  return (
                    <Th key={h.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
                      <button type="button" onClick={h.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <Icon className={sorted ? "size-3.5 text-slate-900" : "size-3.5 text-slate-400"} aria-hidden />
                      </button>
                    </Th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50/60">
                {row.getVisibleCells().map((cell) => (
                  <Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visible.length === 0 && rows.length > 0 && (
        <EmptyState title="No mailbox matches">Try another search, or set the status filter to All.</EmptyState>
      )}
    </div>
  );
}
