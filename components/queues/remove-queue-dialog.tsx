"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { removeQueueAction } from "@/lib/actions/queues";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { isSuccess } from "@/lib/forms/apply-action-result";
import { startNavigationProgress } from "@/components/layout/navigation-progress";

/** Removes a queue after a confirmation that says its mailboxes will be unlinked (and kept). */
export function RemoveQueueDialog(props: {
  queue: { id: string; name: string; mailboxCount: number };
  /** Where to go once the queue is gone (from its own page); otherwise the current page refreshes. */
  redirectTo?: string;
  compact?: boolean;
}) {
  const router = useRouter();
  const { queue } = props;
  const n = queue.mailboxCount;
  return (
    <ConfirmDialog
      trigger={
        <button
          type="button"
          className={props.compact ? "btn btn-sm btn-g qi qi-trash" : "btn btn-sm btn-s qi qi-trash"}
          aria-label={`Remove queue ${queue.name}`}
        >
          Remove
        </button>
      }
      title={`Remove the queue ${queue.name}?`}
      description={
        n === 0
          ? "The queue has no mailbox. Its history is kept in the organisation's activity."
          : `Its ${n === 1 ? "mailbox" : `${n} mailboxes`} will be unlinked from it. The ${n === 1 ? "mailbox is" : "mailboxes are"} kept, with ${n === 1 ? "its" : "their"} settings and other queues.`
      }
      confirmLabel="Remove queue"
      onConfirm={async () => {
        const result = await removeQueueAction({ id: queue.id });
        if (!isSuccess(result)) return result?.serverError?.message ?? "The queue could not be removed.";
        toast.success(
          `Queue ${queue.name} removed${n > 0 ? `; ${n === 1 ? "its mailbox was" : `its ${n} mailboxes were`} unlinked` : ""}.`,
        );
        if (props.redirectTo) {
          startNavigationProgress();
          router.push(props.redirectTo);
        }
        router.refresh();
        return null;
      }}
    />
  );
}
