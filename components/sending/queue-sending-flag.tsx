import { CircleAlert } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/cn";
import type { MailboxSending } from "@/lib/sending/types";
import { domainOf, reasonClause, SendingStatusLine, TestEmailControl } from "./mailbox-sending-panel";

/**
 * S5, a queue's page (issue 19 items 7–8): how the queue's email goes out (its default mailbox), flagged when it
 * cannot send, with the reason, the way to fix it, and a test email as the default mailbox.
 */
export function QueueSendingFlag(props: { sending: MailboxSending | undefined; orgSlug: string; timeZone: string }) {
  const { sending } = props;
  if (!sending) return null;
  return (
    <section
      aria-label="Sending"
      data-testid="queue-sending"
      className={cn(
        "mb-6 flex flex-wrap items-start justify-between gap-3 rounded-xl px-4 py-3 ring-1 ring-inset",
        sending.canSend ? "bg-white ring-slate-200" : "bg-red-50 ring-red-200",
      )}
    >
      <div className="min-w-0 flex-1 basis-72">
        <SendingStatusLine sending={sending} />
      </div>
      <TestEmailControl
        sending={sending}
        orgSlug={props.orgSlug}
        timeZone={props.timeZone}
        triggerLabel="Send a test email"
      />
    </section>
  );
}

type QueueRow = { id: string; name: string; defaultMailbox: { id: string } | null };

/**
 * S5, the queue list: the queues whose default mailbox cannot send, each with its reason and a link to the
 * domain's set-up. Nothing when every queue can send.
 */
export function QueuesSendingNotice({ queues, sending }: { queues: QueueRow[]; sending: Map<string, MailboxSending> }) {
  const flagged = queues.flatMap((q) => {
    const s = q.defaultMailbox ? sending.get(q.defaultMailbox.id) : undefined;
    return s && !s.canSend ? [{ queue: q, sending: s }] : [];
  });
  if (flagged.length === 0) return null;
  return (
    <Alert
      tone="warning"
      className="mb-6"
      title={flagged.length === 1 ? "1 queue cannot send email" : `${flagged.length} queues cannot send email`}
    >
      <ul className="space-y-1" aria-label="Queues that cannot send">
        {flagged.map(({ queue, sending: s }) => (
          <li key={queue.id} className="flex items-start gap-1.5" data-testid="queue-cannot-send">
            <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span className="min-w-0 break-words">
              <Link href={`/maker/queues/${queue.id}`} className="font-medium underline">
                {queue.name}
              </Link>
              {`: ${reasonClause(s)}. `}
              <Link href={`/maker/settings/domains/${s.domainId}`} className="underline">
                Set up {domainOf(s.address)}
              </Link>
            </span>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
