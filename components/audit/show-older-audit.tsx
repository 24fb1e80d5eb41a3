"use client";
import { loadOlderAuditEventsAction } from "@/lib/actions/history";
import { Button } from "@/components/ui/button";
import { useShowOlder } from "@/components/ui/use-show-older";
import type { AuditEventView } from "@/lib/audit/find-audit-events";
import { AuditItem } from "./audit-item";

/** "Show older" under a history: loads the next page (keyset, stable order) and appends it. */
export function ShowOlderAudit(props: {
  scope: { entityType?: string; entityId?: string };
  before: number;
  pageSize: number;
  showEntity?: boolean;
}) {
  const { items, more, pending, error, showOlder } = useShowOlder<AuditEventView, number>({
    first: { hasOlder: true, last: props.before },
    load: (before) =>
      loadOlderAuditEventsAction({
        entityType: props.scope.entityType as "mailbox" | "queue" | undefined,
        entityId: props.scope.entityId,
        before,
        limit: props.pageSize,
      }),
    cursorOf: (e) => e.id,
    failed: "The older changes could not be loaded. Try again.",
  });
  const now = new Date();

  return (
    <>
      {items.length > 0 && (
        <ol className="mt-4 space-y-4" aria-label="Older history">
          {items.map((e) => (
            <AuditItem
              key={e.id}
              event={{ ...e, createdAt: new Date(e.createdAt) }}
              now={now}
              showEntity={props.showEntity}
            />
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      {more ? (
        <Button variant="secondary" size="sm" className="mt-4" onClick={showOlder} pending={pending}>
          Show older
        </Button>
      ) : (
        <p className="mt-4 text-xs text-slate-500">That is the whole history.</p>
      )}
    </>
  );
}
