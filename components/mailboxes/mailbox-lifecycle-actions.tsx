"use client";
import { Power, PowerOff, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import {
  activateMailboxAction,
  deactivateMailboxAction,
  deleteMailboxAction,
  removeMailboxFromQueuesAction,
} from "@/lib/actions/mailboxes";
import { setDefaultMailboxAction } from "@/lib/actions/queues";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { isSuccess, type ActionResultShape } from "@/lib/forms/apply-action-result";
import { callAction } from "@/lib/forms/call-action";
import type { MailboxBlocker } from "@/lib/mailboxes/find-mailbox-blockers";
import { startNavigationProgress } from "@/components/layout/navigation-progress";

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
            <Link href={`/maker/queues/${q.id}`} className="font-medium underline">
              Open queue {q.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * S4's Activate / Deactivate / Delete (R13, R14). When a rule blocks one, its button says so before any
 * confirmation (aria-disabled, described by the reason shown in MailboxBlockersPanel); confirmations state the
 * consequences for customers and the provider rule.
 */
export function MailboxLifecycleActions({
  mailbox,
  blockers,
}: {
  mailbox: { id: string; address: string; alias: string; active: boolean };
  blockers: MailboxBlocker[];
}) {
  const router = useRouter();
  const run = async (action: () => Promise<ActionResultShape | undefined>, success: string, after?: () => void) => {
    const result = await callAction(action);
    if (isSuccess(result)) {
      toast.success(success);
      if (after) after();
      else router.refresh();
      return null;
    }
    return refusal(result);
  };
  const deactivateBlocked = blockers.some((b) => b.isDefault);
  const deleteBlocked = blockers.length > 0;
  const blockedButton = (label: string, Icon: typeof Trash2, reasonId: string, variant: "secondary" | "danger") => (
    <Button
      variant={variant}
      aria-disabled
      aria-describedby={reasonId}
      className="opacity-60"
      onClick={() => document.getElementById(reasonId)?.scrollIntoView({ block: "center" })}
    >
      <Icon className="size-4" aria-hidden />
      {label}
    </Button>
  );
  return (
    <div className="flex flex-wrap gap-2">
      {mailbox.active ? (
        deactivateBlocked ? (
          blockedButton("Deactivate", PowerOff, "deactivate-blocked", "secondary")
        ) : (
          <ConfirmDialog
            trigger={
              <Button variant="secondary">
                <PowerOff className="size-4" aria-hidden />
                Deactivate
              </Button>
            }
            title={`Deactivate ${mailbox.address}?`}
            description={`Mail to ${mailbox.alias} will be refused until you activate it again: customers writing to ${mailbox.address} get bounces while your provider's rule still forwards to the alias. Its settings, alias and queues are kept.`}
            confirmLabel="Deactivate"
            onConfirm={() => run(() => deactivateMailboxAction({ id: mailbox.id }), "Mailbox deactivated.")}
          />
        )
      ) : (
        <ConfirmDialog
          tone="primary"
          trigger={
            <Button variant="secondary">
              <Power className="size-4" aria-hidden />
              Activate
            </Button>
          }
          title={`Activate ${mailbox.address}?`}
          description="Mail to its alias will be accepted again."
          confirmLabel="Activate"
          onConfirm={() => run(() => activateMailboxAction({ id: mailbox.id }), "Mailbox activated.")}
        />
      )}
      {deleteBlocked ? (
        blockedButton("Delete", Trash2, "delete-blocked", "danger")
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant="danger">
              <Trash2 className="size-4" aria-hidden />
              Delete
            </Button>
          }
          title={`Delete ${mailbox.address}?`}
          description={`This is permanent: the mailbox, its settings and its received-mail records are removed, and ${mailbox.alias} will never be issued again. Remove the forwarding rule for ${mailbox.address} in your email provider afterwards, or customers' mail to it will bounce.`}
          confirmLabel="Delete mailbox"
          typeToConfirm={mailbox.address}
          onConfirm={() =>
            run(
              () => deleteMailboxAction({ id: mailbox.id }),
              `${mailbox.address} deleted.`,
              () => {
                startNavigationProgress();
                router.push("/maker/mailboxes");
                router.refresh();
              },
            )
          }
        />
      )}
    </div>
  );
}

/** Why Deactivate / Delete are blocked, with one-click fixes through the queue services. */
export function MailboxBlockersPanel({
  mailbox,
  blockers,
}: {
  mailbox: { id: string; displayName: string; active: boolean };
  blockers: MailboxBlocker[];
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (blockers.length === 0) return null;
  const defaults = blockers.filter((b) => b.isDefault);
  const fix = async (key: string, action: () => Promise<ActionResultShape | undefined>, success: string) => {
    setBusy(key);
    setError(null);
    const result = await callAction(action);
    setBusy(null);
    const refused = (result as { data?: { refused?: { message: string }[] } }).data?.refused ?? [];
    if (isSuccess(result) && refused.length === 0) {
      toast.success(success);
      router.refresh();
    } else
      setError(
        refused.map((r) => r.message).join(" ") || result?.serverError?.message || "Nothing was changed. Try again.",
      );
  };
  const stuck = blockers.filter((b) => b.isDefault && b.others > 0 && !b.successor);
  return (
    <div className="mb-6 space-y-3 rounded-lg bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200 ring-inset">
      {mailbox.active && defaults.length > 0 && (
        <div id="deactivate-blocked" className="space-y-2">
          <p>
            <span className="font-semibold">Deactivate is blocked:</span> {mailbox.displayName} is the default sender of{" "}
            {defaults.map((b) => `“${b.queueName}”`).join(", ")}, and a queue&apos;s sender must be active.
          </p>
          <div className="flex flex-wrap gap-2">
            {defaults.map((b) =>
              b.successor ? (
                <Button
                  key={b.queueId}
                  size="sm"
                  variant="secondary"
                  aria-disabled={busy !== null}
                  className="h-auto! max-w-full shrink! py-1.5 text-left whitespace-normal!"
                  onClick={() =>
                    busy === null &&
                    fix(
                      b.queueId,
                      () => setDefaultMailboxAction({ queueId: b.queueId, mailboxId: b.successor!.id }),
                      `${b.successor!.displayName} is now the default of ${b.queueName}.`,
                    )
                  }
                >
                  Make {b.successor.displayName} the default of {b.queueName}
                </Button>
              ) : (
                <Link key={b.queueId} href={`/maker/queues/${b.queueId}`} className="font-medium underline">
                  Open {b.queueName}: add another active mailbox first
                </Link>
              ),
            )}
          </div>
        </div>
      )}
      <div id="delete-blocked" className="space-y-2">
        <p>
          <span className="font-semibold">Delete is blocked:</span> {mailbox.displayName} is linked to{" "}
          {blockers.map((b) => `“${b.queueName}”`).join(", ")}. Removing it from them keeps each queue&apos;s history
          {defaults.some((b) => b.successor)
            ? "; where it is the default, the next active mailbox becomes the default"
            : ""}
          .
        </p>
        {stuck.length === 0 && (
          <Button
            size="sm"
            variant="secondary"
            aria-disabled={busy !== null}
            className="h-auto! max-w-full shrink! py-1.5 text-left whitespace-normal!"
            onClick={() =>
              busy === null &&
              fix(
                "all",
                () =>
                  removeMailboxFromQueuesAction({
                    id: mailbox.id,
                    queues: blockers.map((b) => ({
                      queueId: b.queueId,
                      successorId: b.isDefault ? (b.successor?.id ?? null) : null,
                    })),
                  }),
                `${mailbox.displayName} removed from its queues.`,
              )
            }
          >
            Remove from {blockers.length === 1 ? "this queue" : "these queues"}
          </Button>
        )}
      </div>
      <p role="alert" className="text-red-800 empty:hidden">
        {error}
      </p>
    </div>
  );
}
