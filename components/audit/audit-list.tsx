import { ArrowRight } from "lucide-react";
import type { AuditEventView } from "@/lib/audit/find-audit-events";
import { describeAuditAction, formatAuditValue, fieldLabel, orderedChanges } from "@/lib/audit/describe";
import { EmptyState } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";

/** A history of audit events with their field changes (R19). */
export function AuditList({ events, showEntity }: { events: AuditEventView[]; showEntity?: boolean }) {
  if (events.length === 0) return <EmptyState title="No changes yet">Changes appear here as soon as they are saved.</EmptyState>;
  const now = new Date();
  return (
    <ol className="space-y-4" aria-label="History">
      {events.map((e) => {
        const changes = orderedChanges(e.changes);
        return (
          <li key={e.id} className="text-sm">
            <p className="text-slate-800">
              <span className="font-medium">{e.actorName ?? "The platform"}</span> {describeAuditAction(e.action, e, { named: showEntity })}
              <span className="text-slate-500"> · <TimeAgo date={e.createdAt} now={now} /></span>
            </p>
            {changes.length > 0 && (
              <dl className="mt-1 space-y-0.5 border-l-2 border-slate-100 pl-3 text-xs text-slate-600">
                {changes.map(([field, { from, to }]) => (
                  <div key={field} className="flex flex-wrap items-center gap-1">
                    <dt className="font-medium text-slate-700">{fieldLabel(field)}:</dt>
                    <dd className="flex flex-wrap items-center gap-1">
                      {from === null || from === undefined ? (
                        <span>{formatAuditValue(to, field)}</span>
                      ) : to === null || to === undefined ? (
                        <span className="line-through decoration-slate-400">{formatAuditValue(from, field)}</span>
                      ) : (
                        <>
                          <span className="line-through decoration-slate-400">{formatAuditValue(from, field)}</span>
                          <ArrowRight className="size-3" aria-label="changed to" />
                          <span>{formatAuditValue(to, field)}</span>
                        </>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
