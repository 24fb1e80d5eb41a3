"use client";
import { Power, PowerOff, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { activateMailboxAction, deactivateMailboxAction, deleteMailboxAction } from "@/app/(maker)/maker/mailboxes/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResultShape } from "@/lib/forms/apply-action-result";

type QueueRef = { id: string; name: string };

/** A refusal that names queues links to each of them (R13, R14). */
function refusal(result: ActionResultShape | undefined) {
  const error = result?.serverError;
  if (!error) return "Something went wrong. Nothing was changed.";
  const queues = (error.details?.queues as QueueRef[] | undefined) ?? [];
  if (queues.length === 0) return error.message;
  return (
    <div className="space-y-2">
      <p>{error.message}</p>
      <ul className="flex flex-wrap gap-2">
        {queues.map((q) => (
          <li key={q.id}>
            <Link href={`/maker/queues/${q.id}`} className="font-medium underline">Open queue {q.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** S4's Activate / Deactivate / Delete, each confirmed in a dialog that shows the server's refusal (R13, R14). */
export function MailboxLifecycleActions({ mailbox }: { mailbox: { id: string; address: string; active: boolean } }) {
  const router = useRouter();
  const run = async (action: () => Promise<ActionResultShape | undefined>, success: string, after?: () => void) => {
    const result = await action();
    if (result && !result.serverError && !result.validationErrors) {
      toast.success(success);
      if (after) after();
      else router.refresh();
      return null;
    }
    return refusal(result);
  };
  return (
    <div className="flex flex-wrap gap-2">
      {mailbox.active ? (
        <ConfirmDialog
          trigger={<Button variant="secondary"><PowerOff className="size-4" aria-hidden />Deactivate</Button>}
          title={`Deactivate ${mailbox.address}?`}
          description="Mail to its alias will be refused until you activate it again. Its settings, alias and queues are kept."
          confirmLabel="Deactivate"
          onConfirm={() => run(() => deactivateMailboxAction({ id: mailbox.id }), "Mailbox deactivated.")}
        />
      ) : (
        <ConfirmDialog
          tone="primary"
          trigger={<Button variant="secondary"><Power className="size-4" aria-hidden />Activate</Button>}
          title={`Activate ${mailbox.address}?`}
          description="Mail to its alias will be accepted again."
          confirmLabel="Activate"
          onConfirm={() => run(() => activateMailboxAction({ id: mailbox.id }), "Mailbox activated.")}
        />
      )}
      <ConfirmDialog
        trigger={<Button variant="danger"><Trash2 className="size-4" aria-hidden />Delete</Button>}
        title={`Delete ${mailbox.address}?`}
        description="This is permanent: the mailbox, its settings and its received-mail records are removed, and its alias will never be issued again. A mailbox linked to a queue cannot be deleted."
        confirmLabel="Delete mailbox"
        typeToConfirm={mailbox.address}
        onConfirm={() =>
          run(() => deleteMailboxAction({ id: mailbox.id }), `${mailbox.address} deleted.`, () => {
            router.push("/maker/mailboxes");
            router.refresh();
          })
        }
      />
    </div>
  );
}
