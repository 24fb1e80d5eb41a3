"use client";
import { Info, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { setDefaultMailboxAction, unlinkMailboxAction } from "@/app/(maker)/maker/queues/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FieldError } from "@/components/ui/field";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import { cn } from "@/lib/cn";
import { isSuccess } from "@/lib/forms/apply-action-result";
import type { LinkableMailbox } from "@/lib/queues/find-linkable-mailboxes";
import type { QueueLink } from "@/lib/queues/find-queue-links";
import { AddMailboxDialog, addMailboxBlockedReason } from "./add-mailbox-dialog";
import { QueueCapacity } from "./queue-capacity";

type Props = { queue: { id: string; name: string }; mailboxes: QueueLink[]; linkable: LinkableMailbox[] };

/**
 * A queue's mailbox section (S5): the linked mailboxes with the default marked and a "Make default" toggle button on each
 * row to make it the default (R16, R17), "Add mailbox", "Remove" on each row, and the count against 20 (R15).
 */
export function QueueMailboxesCard({ queue, mailboxes, linkable }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ mailboxId: string; message: string } | null>(null);
  const hasDefault = mailboxes.some((m) => m.isDefault);
  const blocked = addMailboxBlockedReason(mailboxes.length, linkable.length);
  const now = new Date();
  // Focus stays on the "Make default" button that was pressed, also once the refreshed rows arrive.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    refocus.current = null;
    const button = document.querySelector<HTMLButtonElement>(`button[data-default-for="${id}"]`);
    if (button && document.activeElement !== button) button.focus();
  }, [mailboxes]);

  async function makeDefault(m: QueueLink) {
    setPending(m.mailboxId);
    setRowError(null);
    try {
      const result = await setDefaultMailboxAction({ queueId: queue.id, mailboxId: m.mailboxId });
      if (isSuccess(result)) {
        toast.success(`${m.displayName} is now the default mailbox of ${queue.name}.`);
        refocus.current = m.mailboxId;
        router.refresh();
      } else {
        setRowError({
          mailboxId: m.mailboxId,
          message: result?.serverError?.message ?? result?.validationErrors?.formErrors?.[0] ?? "The default could not be changed.",
        });
      }
    } finally {
      setPending(null);
    }
  }

  return (
    <Card
      id="mailboxes"
      title="Mailboxes"
      description={
        <>
          <span className="inline-flex flex-wrap items-center gap-x-2">
            <QueueCapacity count={mailboxes.length} />
            <span>· The default mailbox sends the queue&apos;s outgoing email.</span>
          </span>
          {blocked && (
            <span id="add-mailbox-blocked" className="mt-1 flex items-center gap-1.5 text-amber-800">
              <Info className="size-4 shrink-0" aria-hidden />
              <span>
                {blocked}
                {linkable.length === 0 && mailboxes.length === 0 && (
                  <>
                    {" "}
                    <Link href="/maker/mailboxes/new" className="font-medium underline">Create a mailbox</Link>
                  </>
                )}
              </span>
            </span>
          )}
        </>
      }
      actions={<AddMailboxDialog queue={queue} hasDefault={hasDefault} linkable={linkable} linkedCount={mailboxes.length} blockedReasonId={blocked ? "add-mailbox-blocked" : undefined} />}
    >
      {mailboxes.length === 0 ? (
        <EmptyState title="No mailbox in this queue yet">
          Add the mailboxes whose email this queue distributes. The first one you add becomes the default sender.
        </EmptyState>
      ) : (
        <div className="-mx-5 -my-4">
          <Table aria-label={`Mailboxes of ${queue.name}`} cards>
            <thead>
              <tr>
                <Th scope="col" className="pl-5">Mailbox</Th>
                <Th scope="col">Status</Th>
                <Th scope="col">Default sender</Th>
                <Th scope="col">Linked</Th>
                <Th scope="col" className="pr-5"><span className="sr-only">Actions</span></Th>
              </tr>
            </thead>
            <tbody>
              {mailboxes.map((m) => {
                const error = rowError?.mailboxId === m.mailboxId ? rowError.message : null;
                const canBeDefault = m.active && !m.isDefault;
                const hintId = `default-hint-${m.mailboxId}`;
                return (
                  <Fragment key={m.mailboxId}>
                    <tr className={cn(m.isDefault && "bg-brand-50/40")} data-testid="queue-mailbox-row">
                      <Td className={cn("pl-5", error && "border-b-0")}>
                        <span className="flex min-w-0 flex-col">
                          <span className="flex items-center gap-2">
                            <Link href={`/maker/mailboxes/${m.mailboxId}`} className="truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                              {m.displayName}
                            </Link>
                            {m.isDefault && <Badge tone="blue">Default</Badge>}
                          </span>
                          <span className="truncate text-xs text-slate-500">{m.address}</span>
                        </span>
                      </Td>
                      <Td className={cn(error && "border-b-0")}>
                        {m.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}
                      </Td>
                      <Td className={cn(error && "border-b-0")}>
                        <span className="flex items-center gap-2.5">
                          <Button
                            variant={m.isDefault ? "primary" : "secondary"}
                            size="sm"
                            aria-pressed={m.isDefault}
                            data-default-for={m.mailboxId}
                            aria-disabled={!canBeDefault || pending !== null}
                            onClick={() => canBeDefault && pending === null && makeDefault(m)}
                            aria-label={`Make default: ${m.address}`}
                            aria-describedby={m.isDefault || !m.active ? hintId : undefined}
                            className={cn(!canBeDefault && !m.isDefault && "opacity-50")}
                          >
                            {m.isDefault ? "Default" : "Make default"}
                          </Button>
                          {pending === m.mailboxId ? (
                            <span className="text-xs text-slate-600">Saving…</span>
                          ) : m.isDefault ? (
                            <span id={hintId} className="text-xs text-slate-600">
                              Sends the queue&apos;s email<span className="sr-only">. To change the default, choose Make default on another mailbox.</span>
                            </span>
                          ) : !m.active ? (
                            <span id={hintId} className="text-xs text-slate-500">Inactive mailboxes cannot be the default</span>
                          ) : null}
                        </span>
                      </Td>
                      <Td className={cn("whitespace-nowrap text-slate-600", error && "border-b-0")}>
                        <TimeAgo date={new Date(m.linkedAt)} now={now} />
                      </Td>
                      <Td className={cn("pr-5 md:text-right", error && "border-b-0")}>
                        <RemoveLinkDialog queue={queue} link={m} others={mailboxes.length - 1} />
                      </Td>
                    </tr>
                    {error && (
                      <tr>
                        <td colSpan={5} className="border-b border-slate-100 px-5 pb-3">
                          <FieldError>{error}</FieldError>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}

function RemoveLinkDialog({ queue, link, others }: { queue: { id: string; name: string }; link: QueueLink; others: number }) {
  const router = useRouter();
  const description = link.isDefault
    ? others > 0
      ? `${link.address} is the default sender of ${queue.name}. The mailbox itself is kept.`
      : `${link.address} is the only mailbox of ${queue.name}: the queue will have no sender until you add another. The mailbox itself is kept.`
    : `The mailbox itself is kept, with its settings and its other queues.`;
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${link.address} from ${queue.name}`}>
          <Trash2 className="size-4" aria-hidden />
          Remove
        </Button>
      }
      title={`Remove ${link.displayName} from ${queue.name}?`}
      description={description}
      confirmLabel="Remove from queue"
      onConfirm={async () => {
        const result = await unlinkMailboxAction({ queueId: queue.id, mailboxId: link.mailboxId });
        if (!isSuccess(result)) return result?.serverError?.message ?? "The mailbox could not be removed from the queue.";
        toast.success(`${link.displayName} removed from ${queue.name}.`);
        router.refresh();
        return null;
      }}
    />
  );
}
