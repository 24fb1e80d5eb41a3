"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { MailboxStateBadge } from "@/components/mailbox-state/mailbox-state-badge";
import type { OptionalListColumn } from "@/lib/mailboxes/list-columns";
import { SORT_KEYS, type ListRow, type SortKey } from "@/lib/mailboxes/mailbox-list-view";

/** The row's index among the shown rows: the ids its controls are labelled by (aria-labelledby "m<i>"). */
const idOf = (i: number) => `m${i}`;

/**
 * S1's columns, ONCE (issue 18 item 3): id, header, cell, width, priority and card, for MailboxList's headless table
 * (@tanstack/react-table). The cells render lean markup on purpose (issue 13: 50 rows within 70 kB): short classes
 * from app/globals.css (.mbx), no attribute that is not needed, words shared by every row referenced by id.
 */
export function mailboxColumns(opts: {
  copied: string | null;
  menu: (row: ListRow, i: number) => React.ReactNode;
}): ColumnDef<ListRow>[] {
  return [
    {
      id: "select",
      header: ({ table }) => (
        <>
          <input
            type="checkbox"
            aria-label="Select all shown mailboxes"
            checked={table.getIsAllRowsSelected()}
            onChange={table.getToggleAllRowsSelectedHandler()}
            ref={(el) => void (el && (el.indeterminate = table.getIsSomeRowsSelected()))}
          />
          {/* Words shared by every row's controls (aria-labelledby), instead of repeating them 50 times. */}
          <span id="mls" hidden>
            Select
          </span>
          <span id="mlc" hidden>
            Copy alias of
          </span>
          <span id="mla" hidden>
            Actions for
          </span>
        </>
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-labelledby={`mls ${idOf(row.index)}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
      meta: { width: "2.75rem", card: true },
    },
    {
      id: "displayName",
      header: "Display name",
      cell: ({ row }) => (
        <a id={idOf(row.index)} href={`/maker/mailboxes/${row.original.id}`}>
          {row.original.name}
        </a>
      ),
      // no width: the name takes what the others leave, so it wraps (between words) only on narrow tables
      meta: { card: true },
    },
    {
      id: "address",
      header: "Address",
      cell: ({ row }) => <span>{row.original.address}</span>,
      meta: { width: "var(--mbx-address)", card: true },
    },
    {
      id: "alias",
      header: "Alias",
      cell: ({ row }) => (
        <>
          <code>{row.original.alias}</code>
          <button
            className={opts.copied === row.original.id ? "ok" : undefined}
            aria-labelledby={`mlc ${idOf(row.index)}`}
          />
        </>
      ),
      meta: { width: "13rem" },
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => <MailboxStateBadge health={row.original.health} detail={row.original.detail} />,
      meta: { width: "10.5rem", card: true },
    },
    {
      id: "queues",
      header: "Queues",
      // An empty value (null) draws the cell greyed ("x"): None, Never.
      accessorFn: (r) => (r.queues.length === 0 ? null : r.queues),
      // Queue links are relative ("queues/<id>" from /maker/mailboxes): 150 of them, 7 bytes each saved.
      cell: ({ row }) =>
        row.original.queues.length === 0 ? (
          "None"
        ) : (
          // The commas are text, so the links read as words in a line (WCAG 2.2 2.5.8's inline exception).
          <span>
            {row.original.queues.map((q, i) => [
              i > 0 && ", ",
              <a key={q.id} className={q.isDefault ? "d" : undefined} href={`queues/${q.id}`}>
                {q.name}
              </a>,
            ])}
          </span>
        ),
      meta: { width: "19rem", minWidth: 1100, optional: true },
    },
    {
      id: "smartRouting",
      header: "Smart routing",
      accessorFn: (r) => r.routing,
      cell: ({ row }) => {
        const r = row.original.routing;
        return r ? (
          <>
            {`${r.name} `}
            <span className="m">{r.version === "production" ? "Production" : "Test"}</span>
          </>
        ) : (
          "None"
        );
      },
      meta: { width: "10rem", minWidth: 1500, optional: true },
    },
    {
      id: "lastReceived",
      header: "Last received",
      accessorFn: (r) => r.last,
      cell: ({ row }) => {
        const l = row.original.last;
        return l ? (
          <>
            <time dateTime={new Date(l.at).toISOString()}>{l.ago}</time>
            {l.from && <span className="m fr">{`from ${l.from}`}</span>}
          </>
        ) : (
          "Never"
        );
      },
      meta: { width: "8.5rem", minWidth: 1300, optional: true },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => opts.menu(row.original, row.index),
      meta: { width: "3rem", card: true },
    },
  ];
}

/** The columns the admin may hide (lib/mailboxes/list-columns.ts), with their headers: the column chooser's options. */
export const OPTIONAL_COLUMNS: { id: OptionalListColumn; label: string }[] = [
  { id: "queues", label: "Queues" },
  { id: "smartRouting", label: "Smart routing" },
  { id: "lastReceived", label: "Last received" },
];
export type OptionalColumn = OptionalListColumn;

export const SORTABLE: ReadonlySet<string> = new Set<SortKey>(SORT_KEYS);
