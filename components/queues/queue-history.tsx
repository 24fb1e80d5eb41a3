"use client";
import { useMemo } from "react";
import { AuditItem } from "@/components/audit/audit-item";
import { ShowOlderAudit } from "@/components/audit/show-older-audit";
import { EmptyState } from "@/components/ui/table";
import { unpackEvents, type PackedEvent } from "@/lib/queues/queue-rows";

/**
 * A queue's history (R19): AuditList's items and "Show older", drawn in the browser from packed events
 * (lib/queues/queue-rows.ts), so that each event is sent once as data rather than again as an element tree.
 */
export function QueueHistory({
  queue,
  events: packed,
  more,
}: {
  queue: { id: string; name: string };
  events: PackedEvent[];
  more: boolean;
}) {
  const events = useMemo(() => unpackEvents(packed, queue), [packed, queue]);
  if (events.length === 0)
    return <EmptyState title="No changes yet">Changes appear here as soon as they are saved.</EmptyState>;
  const now = new Date();
  return (
    <div>
      <ol className="space-y-4" aria-label="History">
        {events.map((e) => (
          <AuditItem key={e.id} event={e} now={now} />
        ))}
      </ol>
      {more && (
        <ShowOlderAudit
          scope={{ entityType: "queue", entityId: queue.id }}
          before={events[events.length - 1].id}
          pageSize={events.length}
        />
      )}
    </div>
  );
}
