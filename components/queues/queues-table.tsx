"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
import { unpackQueues, type PackedQueue, type QueueRowView } from "@/lib/queues/queue-rows";
import { QueueCapacity } from "./queue-capacity";
import { RenameQueueButton } from "./queue-name-dialog";
import { RemoveQueueDialog } from "./remove-queue-dialog";

/** The queues list's columns, once (issue 18 item 3). */
const COLUMNS: ColumnDef<QueueRowView>[] = [
  {
    id: "name",
    header: "Queue",
    cell: ({ row: { original: q } }) => (
      <Link href={`/maker/queues/${q.id}`} className="qn">
        {q.name}
      </Link>
    ),
  },
  {
    id: "mailboxes",
    header: "Mailboxes",
    cell: ({ row: { original: q } }) => <QueueCapacity count={q.mailboxCount} />,
  },
  {
    id: "default",
    header: "Default mailbox",
    cell: ({ row: { original: q } }) =>
      q.defaultMailbox ? (
        <>
          <span className="qv">{q.defaultMailbox.displayName}</span>
          <span className="qs">{q.defaultMailbox.address}</span>
        </>
      ) : (
        <span className="qx qi qi-warn">No mailbox yet: the queue cannot send email</span>
      ),
  },
  {
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row: { original: q } }) => (
      <span className="qa">
        <RenameQueueButton queue={q} compact />
        <RemoveQueueDialog queue={q} compact />
      </span>
    ),
  },
];

/**
 * The organisation's queues with their mailbox count and default mailbox (S5), on the headless table
 * (components/ui/data-table.tsx). Rows arrive packed (lib/rows/row-codec.ts) and are drawn with app/queues.css's
 * short classes (issue 13).
 */
export function QueuesTable({ queues: packed }: { queues: PackedQueue[] }) {
  const queues = useMemo(() => unpackQueues(packed), [packed]);
  return <DataTable data={queues} columns={COLUMNS} getRowId={(q) => q.id} label="Queues" className="tbl qt ql" />;
}
