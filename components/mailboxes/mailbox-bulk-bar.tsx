"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import {
  bulkDeactivateMailboxesAction,
  bulkLinkMailboxesToQueueAction,
  bulkActivateMailboxesAction,
  planBulkDeactivationAction,
  undoBulkDeactivationAction,
} from "@/lib/actions/mailboxes";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/input";
import type { DeactivationPlan } from "@/lib/mailboxes/deactivate-mailboxes";
import type { BulkOutcome } from "@/lib/mailboxes/for-each-mailbox";

type Receipt = { id: string; version: number }[];
type Report =
  | { verb: string; total: number; refused: { name: string; message: string }[]; undo?: Receipt; undone?: string }
  | { error: string };

/** How long a bulk Deactivate offers its Undo. */
const UNDO_MS = 15_000;
type ActionResult<T> = { data?: T; serverError?: { message: string } } | undefined;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const dropped = (e: unknown) =>
  e instanceof Error && /fetch|network/i.test(e.message)
    ? "The connection dropped: nothing was confirmed. Check your connection and try again."
    : "The request did not go through. Try again.";

/**
 * S1's bulk actions, shown only once a mailbox is selected (H6 item 3; nothing is preselected, not even a queue).
 * Deactivate, which stops mail, first asks the server what it would do (a dry run: how many stop receiving mail,
 * which are refused and why), runs only when confirmed, and then offers Undo for a few seconds in the bar's notice
 * (which takes the focus): a real reversal, audited as such (lib/mailboxes/undo-mailboxes-deactivation.ts).
 */
export function MailboxBulkBar(props: {
  queues: { id: string; name: string }[];
  rows: { id: string; name: string }[];
  selected: string[];
  onDone: (ids: string[]) => void;
}) {
  const { selected } = props;
  const router = useRouter();
  // Options by index, not id: S1's HTML carries each queue id once (in the rows' links), not again here.
  const [queueIndex, setQueueIndex] = useState("");
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [plan, setPlan] = useState<DeactivationPlan | null>(null);

  const nameOf = (id: string) => props.rows.find((r) => r.id === id)?.name ?? "A mailbox";
  const done = (verb: string) => (res: ActionResult<{ results: BulkOutcome[] }>) => {
    if (!res?.data) return setReport({ error: res?.serverError?.message ?? "Choose at least one mailbox." });
    const refused = res.data.results.flatMap((r) => (r.ok ? [] : [{ name: nameOf(r.id), message: r.message }]));
    props.onDone(res.data.results.filter((r) => r.ok).map((r) => r.id));
    setReport({ verb, total: res.data.results.length, refused });
    router.refresh();
  };
  const run = (key: string, fn: () => Promise<void>) => () => {
    if (busy) return;
    setReport(null);
    setBusy(key);
    fn()
      .catch((e) => setReport({ error: dropped(e) }))
      .finally(() => setBusy(null));
  };

  const askDeactivate = run("deactivate", async () => {
    const res = await planBulkDeactivationAction({ ids: selected });
    if (!res?.data) return setReport({ error: res?.serverError?.message ?? "Choose at least one mailbox." });
    setPlan(res.data);
  });

  const deactivate = run("confirm", async () => {
    const res = await bulkDeactivateMailboxesAction({ ids: selected });
    setPlan(null);
    if (!res?.data) return setReport({ error: res?.serverError?.message ?? "Nothing was deactivated. Try again." });
    const { done: receipt, refused } = res.data;
    props.onDone(receipt.map((r) => r.id));
    setReport({
      verb: "Deactivated",
      total: receipt.length + refused.length,
      refused: refused.map((r) => ({ name: r.name, message: r.reason })),
      undo: receipt.length ? receipt : undefined,
    });
    router.refresh();
  });

  const undo = (receipt: Receipt) =>
    run("undo", async () => {
      const res = await undoBulkDeactivationAction({ receipt });
      router.refresh();
      if (!res?.data)
        return setReport({
          error: res?.serverError?.message ?? "The undo did not go through: activate them again from the list.",
        });
      const { restored, kept } = res.data;
      setReport({
        verb: "Undone",
        total: restored.length + kept.length,
        refused: [],
        undone: `${plural(restored.length, "mailbox", "mailboxes")} active again.${kept.length ? ` Changed since, so left as ${kept.length === 1 ? "it is" : "they are"}: ${kept.map((k) => k.name).join(", ")}.` : ""}`,
      });
    });

  // The Undo is offered for a few seconds, and takes the focus (the selection that held it is gone).
  const undoButton = useRef<HTMLButtonElement>(null);
  const offered = report && "undo" in report ? report.undo : undefined;
  useEffect(() => {
    if (!offered) return;
    undoButton.current?.focus();
    const t = setTimeout(() => setReport((r) => (r && "undo" in r ? { ...r, undo: undefined } : r)), UNDO_MS);
    return () => clearTimeout(t);
  }, [offered]);

  if (selected.length === 0 && !report) return null;
  const queue = queueIndex === "" ? null : props.queues[Number(queueIndex)];
  return (
    <div
      className="sticky bottom-0 z-10 space-y-2 border-t border-slate-200 bg-white/95 px-4 py-2 shadow-[0_-4px_12px_-6px_rgb(15_23_42/0.15)] backdrop-blur-sm"
      data-testid="bulk-bar"
    >
      {selected.length > 0 && (
        <div role="group" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
          <p className="mr-1 text-sm font-medium text-slate-800" aria-live="polite">{`${selected.length} selected`}</p>
          <Button
            variant="secondary"
            size="sm"
            pending={busy === "activate"}
            onClick={run("activate", () => bulkActivateMailboxesAction({ ids: selected }).then(done("Activated")))}
          >
            Activate
          </Button>
          <Button variant="secondary" size="sm" pending={busy === "deactivate"} onClick={askDeactivate}>
            Deactivate…
          </Button>
          {props.queues.length > 0 && (
            <span className="flex items-center gap-1">
              <label htmlFor="bulk-queue" className="sr-only">
                Queue to add the selected mailboxes to
              </label>
              <NativeSelect
                id="bulk-queue"
                value={queueIndex}
                onChange={(e) => setQueueIndex(e.target.value)}
                className="h-8 w-44 py-1"
              >
                <option value="">Choose a queue…</option>
                {props.queues.map((q, i) => (
                  <option key={q.id} value={i}>
                    {q.name}
                  </option>
                ))}
              </NativeSelect>
              <Button
                variant="secondary"
                size="sm"
                pending={busy === "link"}
                aria-disabled={!queue}
                onClick={
                  queue
                    ? run("link", () =>
                        bulkLinkMailboxesToQueueAction({ ids: selected, queueId: queue.id }).then(
                          done(`Added to ${queue.name}`),
                        ),
                      )
                    : undefined
                }
              >
                Add to queue
              </Button>
            </span>
          )}
          <Button variant="ghost" size="sm" className="ml-auto" onClick={() => props.onDone(selected)}>
            Clear selection
          </Button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {report &&
          ("error" in report ? (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{report.error}</p>
          ) : (
            <div
              className={`rounded-md px-3 py-2 text-sm ${report.refused.length ? "bg-amber-50 text-amber-900" : "bg-emerald-50 text-emerald-800"}`}
            >
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 font-medium">
                {report.undone ?? (
                  <span>
                    {report.verb}: {report.total - report.refused.length} of{" "}
                    {plural(report.total, "mailbox", "mailboxes")}.
                    {report.verb === "Deactivated" &&
                      report.total > report.refused.length &&
                      " They no longer receive mail."}
                    {report.refused.length > 0 && ` ${report.refused.length} refused:`}
                  </span>
                )}
                {report.undo && (
                  <Button
                    ref={undoButton}
                    size="sm"
                    variant="secondary"
                    pending={busy === "undo"}
                    onClick={undo(report.undo)}
                  >
                    Undo
                  </Button>
                )}
              </p>
              {report.refused.length > 0 && (
                <ul className="mt-1 list-disc space-y-0.5 pl-5">
                  {report.refused.map((r, i) => (
                    <li key={i}>
                      <span className="font-medium">{r.name}</span>: {r.message}
                    </li>
                  ))}
                </ul>
              )}
              <Button variant="ghost" size="sm" className="mt-1 -ml-2" onClick={() => setReport(null)}>
                Dismiss
              </Button>
            </div>
          ))}
      </div>
      <Dialog
        open={plan !== null}
        onOpenChange={(o) => !o && setPlan(null)}
        title={
          plan && plan.deactivate.length > 0
            ? `Deactivate ${plural(plan.deactivate.length, "mailbox", "mailboxes")}?`
            : "Nothing to deactivate"
        }
        description={
          plan && plan.deactivate.length > 0
            ? `${plan.deactivate.length === 1 ? "It stops" : "They stop"} receiving mail at once; ${plan.deactivate.length === 1 ? "its" : "their"} settings are kept. You can undo this for a few seconds afterwards.`
            : "None of the selected mailboxes can be deactivated."
        }
        footer={
          <>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            {plan && plan.deactivate.length > 0 && (
              <Button variant="danger" pending={busy === "confirm"} onClick={deactivate}>
                {`Deactivate ${plural(plan.deactivate.length, "mailbox", "mailboxes")}`}
              </Button>
            )}
          </>
        }
      >
        {plan && (
          <div className="space-y-3 text-sm" data-testid="deactivation-plan">
            {plan.deactivate.length > 0 && (
              <ul className="max-h-40 list-disc space-y-0.5 overflow-y-auto pl-5 text-slate-700">
                {plan.deactivate.map((m) => (
                  <li key={m.id}>{m.name}</li>
                ))}
              </ul>
            )}
            {plan.refused.length > 0 && (
              <div className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
                <p className="font-medium">{`${plural(plan.refused.length, "mailbox", "mailboxes")} refused, left active:`}</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5">
                  {plan.refused.map((r) => (
                    <li key={r.id}>
                      <span className="font-medium">{r.name}</span>: {r.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {plan.unchanged.length > 0 && (
              <p className="text-slate-600">{`${plural(plan.unchanged.length, "mailbox is", "mailboxes are")} already inactive: ${plan.unchanged.map((m) => m.name).join(", ")}.`}</p>
            )}
          </div>
        )}
      </Dialog>
    </div>
  );
}
