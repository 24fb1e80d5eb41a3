import type { AuditEventView } from "@/lib/audit/find-audit-events";
import type { Page } from "@/lib/paging";
import { EmptyState } from "@/components/ui/table";
import { AuditItem } from "./audit-item";
import { ShowOlderAudit } from "./show-older-audit";

/** A history of audit events with their field changes (R19), with "Show older" when there is more. */
export function AuditList({ page, showEntity }: { page: Page<AuditEventView>; showEntity?: boolean }) {
  const events = page.items;
  if (events.length === 0)
    return <EmptyState title="No changes yet">Changes appear here as soon as they are saved.</EmptyState>;
  const now = new Date();
  const last = events[events.length - 1];
  return (
    <div>
      <ol className="space-y-4" aria-label="History">
        {events.map((e) => (
          <AuditItem key={e.id} event={e} now={now} showEntity={showEntity} />
        ))}
      </ol>
      {page.hasOlder && (
        <ShowOlderAudit
          scope={showEntity ? {} : { entityType: last.entityType, entityId: last.entityId }}
          before={last.id}
          pageSize={events.length}
          showEntity={showEntity}
        />
      )}
    </div>
  );
}
