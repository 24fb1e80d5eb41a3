import { Pencil, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { QueueSummary } from "@/lib/queues/find-queues";
import { QueueCapacity } from "./queue-capacity";
import { QueueNameDialog } from "./queue-name-dialog";
import { RemoveQueueDialog } from "./remove-queue-dialog";

/** The organisation's queues with their mailbox count and default mailbox (S5). */
export function QueuesTable({ queues }: { queues: QueueSummary[] }) {
  return (
    <Table aria-label="Queues" cards>
      <thead>
        <tr>
          <Th scope="col">Queue</Th>
          <Th scope="col">Mailboxes</Th>
          <Th scope="col">Default mailbox</Th>
          <Th scope="col"><span className="sr-only">Actions</span></Th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.id} className="hover:bg-slate-50/60">
            <Td className="font-medium">
              <Link href={`/maker/queues/${q.id}`} className="text-brand-700 hover:underline">{q.name}</Link>
            </Td>
            <Td><QueueCapacity count={q.mailboxCount} /></Td>
            <Td>
              {q.defaultMailbox ? (
                <span className="flex min-w-0 flex-col">
                  <span className="truncate text-slate-900">{q.defaultMailbox.displayName}</span>
                  <span className="truncate text-xs text-slate-500">{q.defaultMailbox.address}</span>
                </span>
              ) : (
                <span className="inline-flex items-center gap-1.5 text-slate-500">
                  <TriangleAlert className="size-4 text-amber-600" aria-hidden />
                  No mailbox yet: the queue cannot send email
                </span>
              )}
            </Td>
            <Td className="md:text-right">
              <span className="inline-flex gap-1">
                <QueueNameDialog
                  queue={q}
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`Rename queue ${q.name}`}>
                      <Pencil className="size-4" aria-hidden />
                      Rename
                    </Button>
                  }
                />
                <RemoveQueueDialog queue={q} compact />
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
