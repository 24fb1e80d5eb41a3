"use client";
import Link from "next/link";
import { useMemo } from "react";
import { unpackQueues, type PackedQueue } from "@/lib/queues/queue-rows";
import { QueueCapacity } from "./queue-capacity";
import { RenameQueueButton } from "./queue-name-dialog";
import { RemoveQueueDialog } from "./remove-queue-dialog";

/**
 * The organisation's queues with their mailbox count and default mailbox (S5). Rows arrive packed
 * (lib/queues/queue-rows.ts) and are drawn with app/queues.css's short classes (issue 13).
 */
export function QueuesTable({ queues: packed }: { queues: PackedQueue[] }) {
  const queues = useMemo(() => unpackQueues(packed), [packed]);
  return (
    <table className="qt ql" aria-label="Queues">
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col">Mailboxes</th>
          <th scope="col">Default mailbox</th>
          <th scope="col"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.id}>
            <td><Link href={`/maker/queues/${q.id}`} className="qn">{q.name}</Link></td>
            <td><QueueCapacity count={q.mailboxCount} /></td>
            <td>
              {q.defaultMailbox ? (
                <>
                  <span className="qv">{q.defaultMailbox.displayName}</span>
                  <span className="qs">{q.defaultMailbox.address}</span>
                </>
              ) : (
                <span className="qx qi qi-warn">No mailbox yet: the queue cannot send email</span>
              )}
            </td>
            <td>
              <span className="qa">
                <RenameQueueButton queue={q} compact />
                <RemoveQueueDialog queue={q} compact />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
