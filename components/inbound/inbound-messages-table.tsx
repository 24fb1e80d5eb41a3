import { Badge } from "@/components/ui/badge";
import { EmptyState, Td, Th } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { InboundMessageRow } from "@/lib/inbound/find-inbound-messages";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// A badge never wider than its cell (fixed table layout): cut with an ellipsis rather than overflow.
const fit = "max-w-full overflow-hidden text-ellipsis";

/** S4: the latest messages that reached the alias (R21), newest first. Bodies are not kept. */
export function InboundMessagesTable({ messages, now = new Date() }: { messages: InboundMessageRow[]; now?: Date }) {
  if (messages.length === 0) {
    return <EmptyState title="No mail received yet">Messages forwarded to the alias appear here, newest first.</EmptyState>;
  }
  return (
    // Fixed layout: long senders and subjects are cut with an ellipsis (full text in the tooltip), never scrolled.
    <table aria-label="Latest inbound messages" className="w-full table-fixed border-collapse text-left text-sm">
      <colgroup>
        <col className="w-24" />
        <col className="w-[38%]" />
        <col />
        <col className="hidden w-18 sm:table-column" />
      </colgroup>
      <thead>
        <tr>
          <Th scope="col">Received</Th>
          <Th scope="col">From</Th>
          <Th scope="col">Subject</Th>
          <Th scope="col" className="hidden text-right sm:table-cell">Size</Th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <tr key={m.id}>
            <Td className="whitespace-nowrap text-slate-600">
              <TimeAgo date={m.receivedAt} now={now} />
            </Td>
            <Td>
              <span className="block truncate" title={m.headerFrom ?? undefined}>{m.headerFrom ?? "—"}</span>
              {m.envelopeFrom && m.envelopeFrom !== m.headerFrom && (
                <span className="block truncate text-xs text-slate-500" title={`Envelope sender (MAIL FROM): ${m.envelopeFrom}`}>
                  via {m.envelopeFrom}
                </span>
              )}
            </Td>
            <Td>
              <span className="block truncate" title={`${m.subject ?? ""}\nMessage-ID: ${m.messageId}`}>{m.subject ?? <span className="text-slate-500">(no subject)</span>}</span>
              <span className="mt-0.5 flex flex-wrap gap-1">
                {m.confirmationProvider === "gmail" && <Badge tone="blue" className={fit}>Gmail confirmation{m.providerAuth === "demo" ? " (demo)" : ""}</Badge>}
                {m.kind === "customer" && <Badge tone="green" className={fit}>Customer</Badge>}
                {m.kind === "platform" && <Badge className={fit}>Test message</Badge>}
                {m.kind === "provider" && !m.confirmationProvider && <Badge className={fit}>Provider</Badge>}
                {m.providerAuth === "temperror" && <Badge tone="amber" className={fit}>Not authenticated</Badge>}
                {m.kind === "customer" && m.autoSubmitted && <Badge className={fit}>Automatic</Badge>}
              </span>
            </Td>
            <Td className="hidden text-right whitespace-nowrap text-slate-600 sm:table-cell">{formatSize(m.sizeBytes)}</Td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
