"use client";
import { Plus, Search } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { linkMailboxAction } from "@/lib/actions/queues";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { isSuccess } from "@/lib/forms/apply-action-result";
import { callAction } from "@/lib/forms/call-action";
import type { LinkableMailbox } from "@/lib/queues/get-queue-or-throw";
import { MAX_QUEUE_MAILBOXES } from "@/lib/queues/schemas";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * A searchable multi-select of the mailboxes not yet in the queue: a filter above a list of checkboxes (Tab and
 * Space), at most as many as the queue has room for (R15). Each one is linked through the queue service, an
 * active one first when the queue has no default yet (R16, R17); each refusal is reported for its mailbox.
 */
function AddMailboxForm(props: {
  queue: { id: string; name: string };
  linkable: LinkableMailbox[];
  hasDefault: boolean;
  room: number;
  onDone: () => void;
}) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const chooseable = props.linkable.filter((m) => props.hasDefault || m.active);
  const shown = props.linkable.filter((m) => fold(`${m.displayName} ${m.address}`).includes(fold(q.trim())));
  const full = picked.length >= props.room;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (picked.length === 0) return setErrors(["Choose at least one mailbox."]);
    setBusy(true);
    setErrors([]);
    const byId = new Map(props.linkable.map((m) => [m.id, m]));
    const order = [...picked].sort((a, b) => Number(byId.get(b)?.active) - Number(byId.get(a)?.active));
    const refused: string[] = [];
    const added: string[] = [];
    for (const id of order) {
      const result = await callAction(() => linkMailboxAction({ queueId: props.queue.id, mailboxId: id }));
      if (isSuccess(result)) added.push(byId.get(id)?.displayName ?? "A mailbox");
      else refused.push(`${byId.get(id)?.displayName ?? "A mailbox"}: ${result?.serverError?.message ?? "not added."}`);
    }
    setBusy(false);
    if (added.length) {
      toast.success(`${added.join(", ")} added to ${props.queue.name}.`);
      router.refresh();
    }
    if (refused.length) {
      setPicked((p) => p.filter((id) => !added.includes(byId.get(id)?.displayName ?? "")));
      setErrors(refused);
    } else props.onDone();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {errors.length > 0 && (
        <Alert tone="error">
          <ul className="space-y-1">
            {errors.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
      <p id="link-mailbox-hint" className="text-sm text-slate-600">
        {props.hasDefault
          ? "They join the queue beside the default mailbox; you can make one the default afterwards."
          : "The first mailbox becomes the queue's default sender, so it must be active. Inactive mailboxes are shown but cannot be chosen."}{" "}
        {`${MAX_QUEUE_MAILBOXES - props.room} of ${MAX_QUEUE_MAILBOXES} mailboxes: room for ${props.room} more.`}
      </p>
      <div className="relative">
        <label htmlFor="link-mailbox-search" className="sr-only">
          Search mailboxes
        </label>
        <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" aria-hidden />
        <Input
          id="link-mailbox-search"
          type="search"
          placeholder="Search by name or address"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="pl-9"
        />
      </div>
      <fieldset aria-describedby="link-mailbox-hint">
        <legend className="sr-only">Mailboxes to add</legend>
        <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
          {shown.map((m) => {
            const on = picked.includes(m.id);
            const blocked = !props.hasDefault && !m.active;
            return (
              <li key={m.id}>
                <label className={`flex items-center gap-2 px-3 py-2 text-sm ${blocked ? "text-slate-500" : ""}`}>
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 accent-brand-600"
                    checked={on}
                    disabled={blocked || (full && !on)}
                    onChange={(e) => setPicked((p) => (e.target.checked ? [...p, m.id] : p.filter((x) => x !== m.id)))}
                  />
                  <span className="min-w-0">
                    <span className="block font-medium">{m.displayName}</span>
                    <span className="block text-xs text-slate-500">
                      {m.address}
                      {m.active ? "" : blocked ? " · inactive: cannot be the default" : " · inactive"}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
          {shown.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No mailbox matches “{q}”.</li>}
        </ul>
      </fieldset>
      {chooseable.length === 0 && (
        <Alert tone="warning">
          Every mailbox not yet in this queue is inactive, and the first mailbox of a queue must be active. Activate one
          in{" "}
          <Link href="/maker/mailboxes" className="font-medium underline">
            Mailboxes
          </Link>{" "}
          first.
        </Alert>
      )}
      <div className="flex items-center justify-end gap-2">
        <p className="mr-auto text-sm text-slate-600" aria-live="polite">
          {picked.length} selected
        </p>
        <Button variant="secondary" onClick={props.onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy || chooseable.length === 0}>
          {busy ? "Adding…" : picked.length > 1 ? `Add ${picked.length} mailboxes` : "Add mailbox"}
        </Button>
      </div>
    </form>
  );
}

/** Why "Add mailbox" is disabled, or null when a mailbox can be added (R15: at most 20). */
export function addMailboxBlockedReason(linkedCount: number, linkableCount: number): string | null {
  if (linkedCount >= MAX_QUEUE_MAILBOXES)
    return `${linkedCount} of ${MAX_QUEUE_MAILBOXES} mailboxes: the most a queue can hold. Remove one to add another.`;
  if (linkableCount === 0)
    return linkedCount === 0
      ? "Your organisation has no mailbox yet."
      : "Every mailbox of your organisation is already in this queue.";
  return null;
}

/**
 * "Add mailbox": offers the organisation's mailboxes not yet in the queue. Disabled when `blockedReasonId`
 * is given: the element with that id says why (R15: 20 mailboxes, or no mailbox left to add).
 */
export function AddMailboxDialog(props: {
  queue: { id: string; name: string };
  hasDefault: boolean;
  linkable: LinkableMailbox[];
  linkedCount: number;
  blockedReasonId?: string;
}) {
  const [open, setOpen] = useState(false);
  if (props.blockedReasonId) {
    return (
      <Button size="sm" disabled aria-describedby={props.blockedReasonId}>
        <Plus className="size-4" aria-hidden />
        Add mailbox
      </Button>
    );
  }
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="sm">
          <Plus className="size-4" aria-hidden />
          Add mailbox
        </Button>
      }
      title={`Add mailboxes to ${props.queue.name}`}
      size="lg"
    >
      <AddMailboxForm
        queue={props.queue}
        linkable={props.linkable}
        hasDefault={props.hasDefault}
        room={MAX_QUEUE_MAILBOXES - props.linkedCount}
        onDone={() => setOpen(false)}
      />
    </Dialog>
  );
}
