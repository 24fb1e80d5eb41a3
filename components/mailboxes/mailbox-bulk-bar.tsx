"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { bulkLinkMailboxesToQueueAction, bulkSetMailboxesActiveAction } from "@/app/(maker)/maker/mailboxes/actions";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import type { BulkOutcome } from "@/lib/mailboxes/for-each-mailbox";

/** The rows' checkboxes, in the rows' order (MailboxList). */
const boxes = () => [...document.querySelectorAll<HTMLInputElement>("table.mbx tbody input[type=checkbox]")];

type Report = { verb: string; total: number; refused: { name: string; message: string }[] } | { error: string };

/**
 * S1's bulk actions. The rows' checkboxes are plain inputs in the rows' order (MailboxList); this part only
 * listens to them. Buttons stay in place (aria-disabled while nothing is selected) so keyboard focus is never dropped.
 */
export function MailboxBulkBar({ queues, rows }: { queues: { id: string; name: string }[]; rows: { id: string; name: string }[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  // Options by index, not id: S1's HTML carries each queue id once (in the rows' links), not again here.
  const [queueIndex, setQueueIndex] = useState(0);
  const queue = queues[queueIndex] ?? queues[0];
  const [report, setReport] = useState<Report | null>(null);

  const nameOf = (id: string) => rows.find((r) => r.id === id)?.name ?? "A mailbox";
  useEffect(() => {
    const sync = () => {
      const all = boxes();
      const on = all.flatMap((b, i) => (b.checked && rows[i] ? [rows[i].id] : []));
      setSelected(on);
      const head = document.querySelector<HTMLInputElement>("input[data-all]");
      if (head) {
        head.checked = all.length > 0 && on.length === all.length;
        head.indeterminate = on.length > 0 && on.length < all.length;
      }
    };
    const onChange = (e: Event) => {
      const t = e.target as HTMLInputElement;
      if (t.matches("input[data-all]")) boxes().forEach((b) => (b.checked = t.checked));
      if (t.matches("table.mbx input[type=checkbox]")) sync();
    };
    document.addEventListener("change", onChange);
    sync();
    return () => document.removeEventListener("change", onChange);
  }, [rows]);

  const done = (verb: string) => (res: { data?: { results: BulkOutcome[] }; serverError?: { message: string }; validationErrors?: unknown } | undefined) => {
    if (!res?.data) return setReport({ error: res?.serverError?.message ?? "Choose at least one mailbox." });
    const refused = res.data.results.flatMap((r) => (r.ok ? [] : [{ name: nameOf(r.id), message: r.message }]));
    const ok = new Set(res.data.results.filter((r) => r.ok).map((r) => r.id));
    boxes().forEach((b, i) => rows[i] && ok.has(rows[i].id) && (b.checked = false));
    setSelected((s) => s.filter((id) => !ok.has(id)));
    setReport({ verb, total: res.data.results.length, refused });
    router.refresh();
  };
  const failed = (e: unknown) =>
    setReport({ error: e instanceof Error && /fetch|network/i.test(e.message) ? "The connection dropped: nothing was confirmed. Check your connection and try again." : "The request did not go through. Try again." });

  const [busy, setBusy] = useState(false);
  const none = selected.length === 0;
  const guard = (fn: () => Promise<void>) => () => {
    if (none || busy) return;
    setReport(null);
    setBusy(true);
    fn().finally(() => setBusy(false));
  };

  return (
    <div className="space-y-2">
      <div role="group" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
        <p className="min-w-24 text-sm text-slate-600" aria-live="polite">{none ? "None selected" : `${selected.length} selected`}</p>
        <Button variant="secondary" size="sm" aria-disabled={none || busy}
          onClick={guard(() => bulkSetMailboxesActiveAction({ ids: selected, active: true }).then(done("Activated"), failed))}>
          Activate
        </Button>
        <Button variant="secondary" size="sm" aria-disabled={none || busy}
          onClick={guard(() => bulkSetMailboxesActiveAction({ ids: selected, active: false }).then(done("Deactivated"), failed))}>
          Deactivate
        </Button>
        {queues.length > 0 && (
          <span className="flex items-center gap-1">
            <label htmlFor="bulk-queue" className="sr-only">Queue to add the selected mailboxes to</label>
            <NativeSelect id="bulk-queue" value={String(queueIndex)} onChange={(e) => setQueueIndex(Number(e.target.value))} className="h-8 w-40 py-1">
              {queues.map((q, i) => <option key={q.id} value={i}>{q.name}</option>)}
            </NativeSelect>
            <Button variant="secondary" size="sm" aria-disabled={none || busy}
              onClick={guard(() => bulkLinkMailboxesToQueueAction({ ids: selected, queueId: queue.id }).then(done(`Added to ${queue.name}`), failed))}>
              Add to queue
            </Button>
          </span>
        )}
      </div>
      <div role="status" aria-live="polite">
        {report && ("error" in report ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{report.error}</p>
        ) : (
          <div className={`rounded-md px-3 py-2 text-sm ${report.refused.length ? "bg-amber-50 text-amber-900" : "bg-emerald-50 text-emerald-800"}`}>
            <p className="font-medium">
              {report.verb}: {report.total - report.refused.length} of {report.total} mailbox{report.total === 1 ? "" : "es"}.
              {report.refused.length > 0 && ` ${report.refused.length} refused:`}
            </p>
            {report.refused.length > 0 && (
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {report.refused.map((r, i) => <li key={i}><span className="font-medium">{r.name}</span>: {r.message}</li>)}
              </ul>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
