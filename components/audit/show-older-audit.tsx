"use client";
import { useState, useTransition } from "react";
import { loadOlderAuditEventsAction } from "@/app/(maker)/maker/history-actions";
import { Button } from "@/components/ui/button";
import type { AuditEventView } from "@/lib/audit/find-audit-events";
import { AuditItem } from "./audit-item";

/** "Show older" under a history: loads the next page (keyset, stable order) and appends it. */
export function ShowOlderAudit(props: {
  scope: { entityType?: string; entityId?: string };
  before: number;
  pageSize: number;
  showEntity?: boolean;
}) {
  const [events, setEvents] = useState<AuditEventView[]>([]);
  const [before, setBefore] = useState(props.before);
  const [more, setMore] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const now = new Date();

  const load = () =>
    startTransition(async () => {
      setError(null);
      const result = await loadOlderAuditEventsAction({
        entityType: props.scope.entityType as "mailbox" | "queue" | undefined,
        entityId: props.scope.entityId,
        before,
        limit: props.pageSize,
      });
      const data = result?.data;
      if (!data) {
        setError(result?.serverError?.message ?? "The older changes could not be loaded. Try again.");
        return;
      }
      setEvents((current) => [...current, ...data.events]);
      if (data.events.length > 0) setBefore(data.events[data.events.length - 1].id);
      setMore(data.hasOlder);
    });

  return (
    <>
      {events.length > 0 && (
        <ol className="mt-4 space-y-4" aria-label="Older history">
          {events.map((e) => (
            <AuditItem key={e.id} event={{ ...e, createdAt: new Date(e.createdAt) }} now={now} showEntity={props.showEntity} />
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      {more ? (
        <Button variant="secondary" size="sm" className="mt-4" onClick={load} disabled={pending}>
          {pending ? "Loading…" : "Show older"}
        </Button>
      ) : (
        <p className="mt-4 text-xs text-slate-500">That is the whole history.</p>
      )}
    </>
  );
}
