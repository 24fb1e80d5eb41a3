"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { linkMailboxAction } from "@/app/(maker)/maker/queues/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { applyActionResult, isSuccess } from "@/lib/forms/apply-action-result";
import type { LinkableMailbox } from "@/lib/queues/find-linkable-mailboxes";
import { MAX_QUEUE_MAILBOXES, queueMailboxSchema } from "@/lib/queues/schemas";

const pickSchema = queueMailboxSchema.pick({ mailboxId: true });
type Pick = { mailboxId: string };

function AddMailboxForm(props: { queue: { id: string; name: string }; linkable: LinkableMailbox[]; hasDefault: boolean; onDone: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Pick>({ resolver: zodResolver(pickSchema), defaultValues: { mailboxId: "" } });
  const { errors, isSubmitting } = form.formState;
  const chooseable = props.linkable.filter((m) => props.hasDefault || m.active);

  const onSubmit = form.handleSubmit(async ({ mailboxId }) => {
    setFormError(null);
    const result = await linkMailboxAction({ queueId: props.queue.id, mailboxId });
    if (isSuccess(result)) {
      const m = props.linkable.find((x) => x.id === mailboxId);
      toast.success(
        result?.data?.isDefault
          ? `${m?.displayName ?? "The mailbox"} added to ${props.queue.name} as its default mailbox.`
          : `${m?.displayName ?? "The mailbox"} added to ${props.queue.name}.`,
      );
      router.refresh();
      props.onDone();
      return;
    }
    setFormError(applyActionResult(form, result, ["mailboxId"]));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        id="link-mailbox"
        label="Mailbox"
        required
        error={errors.mailboxId?.message}
        description={
          props.hasDefault
            ? "It joins the queue beside the default mailbox; you can make it the default afterwards."
            : "The first mailbox becomes the queue's default sender, so it must be active. Inactive mailboxes are shown but cannot be chosen."
        }
      >
        <NativeSelect {...fieldAria("link-mailbox", errors.mailboxId?.message, true)} {...form.register("mailboxId")}>
          <option value="">Choose a mailbox…</option>
          {props.linkable.map((m) => (
            <option key={m.id} value={m.id} disabled={!props.hasDefault && !m.active}>
              {m.displayName} · {m.address}
              {m.active ? "" : props.hasDefault ? " (inactive)" : " (inactive: cannot be the default)"}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {chooseable.length === 0 && (
        <Alert tone="warning">
          Every mailbox not yet in this queue is inactive, and the first mailbox of a queue must be active. Activate one in{" "}
          <Link href="/maker/mailboxes" className="font-medium underline">Mailboxes</Link> first.
        </Alert>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={props.onDone}>Cancel</Button>
        <Button type="submit" disabled={isSubmitting || chooseable.length === 0}>{isSubmitting ? "Adding…" : "Add mailbox"}</Button>
      </div>
    </form>
  );
}

/** Why "Add mailbox" is disabled, or null when a mailbox can be added (R15: at most 20). */
export function addMailboxBlockedReason(linkedCount: number, linkableCount: number): string | null {
  if (linkedCount >= MAX_QUEUE_MAILBOXES) return `This queue holds ${MAX_QUEUE_MAILBOXES} mailboxes, the most a queue can hold. Remove one to add another.`;
  if (linkableCount === 0) return linkedCount === 0 ? "Your organisation has no mailbox yet." : "Every mailbox of your organisation is already in this queue.";
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
      title={`Add a mailbox to ${props.queue.name}`}
    >
      <AddMailboxForm queue={props.queue} linkable={props.linkable} hasDefault={props.hasDefault} onDone={() => setOpen(false)} />
    </Dialog>
  );
}
