import { ArrowRight } from "lucide-react";
import type { AuditEventView } from "@/lib/audit/find-audit-events";
import { describeAuditAction, formatAuditValue, fieldLabel, orderedChanges } from "@/lib/audit/describe";
import { TimeAgo } from "@/components/ui/time-ago";

/** One audit event with its field changes (R19); rendered on the server and by "Show older" in the browser. */
export function AuditItem({ event: e, now, showEntity }: { event: AuditEventView; now: Date; showEntity?: boolean }) {
  const changes = orderedChanges(e.changes);
  return (
    <li className="text-sm">
      <p className="text-slate-800">
        <span className="font-medium">{e.actorName ?? "The platform"}</span>{" "}
        {describeAuditAction(e.action, e, { named: showEntity })}
        <span className="text-slate-500">
          {" "}
          · <TimeAgo date={e.createdAt} now={now} />
        </span>
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
}
