"use client";
import { Info } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { setDefaultMailboxAction, unlinkMailboxAction } from "@/lib/actions/queues";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FieldError } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import { MailboxStateBadge } from "@/components/mailbox-state/mailbox-state-badge";
import { cn } from "@/lib/cn";
import type { StateCode } from "@/lib/mailbox-state/derive-mailbox-state";
import { badgeState } from "@/lib/mailbox-state/state-map";
import { isSuccess } from "@/lib/forms/apply-action-result";
import type { ColumnDef } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import {
  unpackLinkable,
  unpackLinks,
  type LinkView,
  type PackedLink,
  type PackedLinkable,
} from "@/lib/queues/queue-rows";
import { AddMailboxDialog, addMailboxBlockedReason } from "./add-mailbox-dialog";
import { QueueCapacity } from "./queue-capacity";

/** `states`: each linked mailbox's state code (lib/mailbox-state), drawn by the one badge. */
type Props = {
  queue: { id: string; name: string };
  links: PackedLink[];
  linkable: PackedLinkable[];
  states?: Record<string, StateCode>;
};

/**
 * A queue's mailbox section (S5): the linked mailboxes with the default marked and a "Make default" toggle button on
 * each
 * row to make it the default (R16, R17), "Add mailbox", "Remove" on each row, and the count against 20 (R15).
 * Rows arrive packed (lib/queues/queue-rows.ts) and are drawn with app/queues.css's short classes (issue 13).
 */
export function QueueMailboxesCard({ queue, links, linkable: packedLinkable, states }: Props) {
  const router = useRouter();
  const mailboxes = useMemo(() => unpackLinks(links), [links]);
  const linkable = useMemo(() => unpackLinkable(packedLinkable), [packedLinkable]);
  const [pending, setPending] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ mailboxId: string; message: string } | null>(null);
  const hasDefault = mailboxes.some((m) => m.isDefault);
  const blocked = addMailboxBlockedReason(mailboxes.length, linkable.length);
  const now = new Date();
  // Focus stays on the "Make default" button that was pressed, also once the refreshed rows arrive.
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    refocus.current = null;
    const button = buttons.current.get(id);
    if (button && document.activeElement !== button) button.focus();
  }, [mailboxes]);

  async function makeDefault(m: LinkView) {
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
          message:
            result?.serverError?.message ??
            result?.validationErrors?.formErrors?.[0] ??
            "The default could not be changed.",
        });
      }
    } finally {
      setPending(null);
    }
  }

  // The columns, once (issue 18 item 3); their cells close over this card's state (pending, focus refs).
  const columns: ColumnDef<LinkView>[] = [
    {
      id: "mailbox",
      header: "Mailbox",
      cell: ({ row: { original: m } }) => (
        <>
          <span className="qm">
            <Link href={`/maker/mailboxes/${m.mailboxId}`} className="qn">
              {m.displayName}
            </Link>
            {m.isDefault && <Badge tone="blue">Default</Badge>}
          </span>
          <span className="qs">{m.address}</span>
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row: { original: m } }) => (
        <MailboxStateBadge
          health={badgeState(states?.[m.mailboxId] ?? (m.active ? "not_verified" : "inactive"), m.address)}
        />
      ),
    },
    {
      id: "default",
      header: "Default sender",
      cell: ({ row: { original: m } }) => {
        const canBeDefault = m.active && !m.isDefault;
        const hintId = `default-hint-${m.mailboxId}`;
        return (
          <span className="qf">
            <button
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(m.mailboxId, el);
                else buttons.current.delete(m.mailboxId);
              }}
              className={cn(
                "btn btn-sm",
                m.isDefault ? "btn-p" : "btn-s",
                !canBeDefault && !m.isDefault && "opacity-50",
              )}
              aria-pressed={m.isDefault}
              aria-disabled={!canBeDefault || pending !== null || undefined}
              onClick={() => canBeDefault && pending === null && makeDefault(m)}
              aria-label={`Make default: ${m.address}`}
              aria-describedby={m.isDefault || !m.active ? hintId : undefined}
            >
              {m.isDefault ? "Default" : "Make default"}
            </button>
            {pending === m.mailboxId ? (
              <span className="qh">Saving…</span>
            ) : m.isDefault ? (
              <span id={hintId} className="qh">
                Sends the queue&apos;s email
                <span className="sr-only">. To change the default, choose Make default on another mailbox.</span>
              </span>
            ) : !m.active ? (
              <span id={hintId} className="qh">
                Inactive mailboxes cannot be the default
              </span>
            ) : null}
          </span>
        );
      },
    },
    {
      id: "linked",
      header: "Linked",
      cell: ({ row: { original: m } }) => <TimeAgo date={m.linkedAt} now={now} />,
      meta: { className: "qw" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: m } }) => <RemoveLinkDialog queue={queue} link={m} others={mailboxes.length - 1} />,
    },
  ];

  return (
    <Card
      id="mailboxes"
      title="Mailboxes"
      description={
        <>
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <QueueCapacity count={mailboxes.length} />
            <span>The default mailbox sends the queue&apos;s outgoing email.</span>
          </span>
          {blocked && (
            <span id="add-mailbox-blocked" className="mt-1 flex items-start gap-1.5 text-amber-800">
              <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>
                {blocked}
                {linkable.length === 0 && mailboxes.length === 0 && (
                  <>
                    {" "}
                    <Link href="/maker/mailboxes/new" className="font-medium underline">
                      Create a mailbox
                    </Link>
                  </>
                )}
              </span>
            </span>
          )}
        </>
      }
      actions={
        <AddMailboxDialog
          queue={queue}
          hasDefault={hasDefault}
          linkable={linkable}
          linkedCount={mailboxes.length}
          blockedReasonId={blocked ? "add-mailbox-blocked" : undefined}
        />
      }
    >
      {mailboxes.length === 0 ? (
        <EmptyState title="No mailbox in this queue yet">
          Add the mailboxes whose email this queue distributes. The first one you add becomes the default sender.
        </EmptyState>
      ) : (
        <div className="-mx-5 -my-4">
          <DataTable
            data={mailboxes}
            columns={columns}
            getRowId={(m) => m.mailboxId}
            label={`Mailboxes of ${queue.name}`}
            className="tbl qt qk"
            rowClassName={(m) => (m.isDefault ? "qd" : undefined)}
            rowProps={{ "data-testid": "queue-mailbox-row" }}
            cellClassName={(m) => (rowError?.mailboxId === m.mailboxId ? "qe" : undefined)}
            after={(row) =>
              rowError?.mailboxId === row.original.mailboxId && (
                <tr>
                  <td colSpan={5}>
                    <FieldError>{rowError.message}</FieldError>
                  </td>
                </tr>
              )
            }
          />
        </div>
      )}
    </Card>
  );
}

function RemoveLinkDialog({
  queue,
  link,
  others,
}: {
  queue: { id: string; name: string };
  link: LinkView;
  others: number;
}) {
  const router = useRouter();
  const description = link.isDefault
    ? others > 0
      ? `${link.address} is the default sender of ${queue.name}. The mailbox itself is kept.`
      : `${link.address} is the only mailbox of ${queue.name}: the queue will have no sender until you add another. The mailbox itself is kept.`
    : `The mailbox itself is kept, with its settings and its other queues.`;
  return (
    <ConfirmDialog
      trigger={
        <button
          type="button"
          className="btn btn-sm btn-g qi qi-trash"
          aria-label={`Remove ${link.address} from ${queue.name}`}
        >
          Remove
        </button>
      }
      title={`Remove ${link.displayName} from ${queue.name}?`}
      description={description}
      confirmLabel="Remove from queue"
      onConfirm={async () => {
        const result = await unlinkMailboxAction({ queueId: queue.id, mailboxId: link.mailboxId });
        if (!isSuccess(result))
          return result?.serverError?.message ?? "The mailbox could not be removed from the queue.";
        toast.success(`${link.displayName} removed from ${queue.name}.`);
        router.refresh();
        return null;
      }}
    />
  );
}
