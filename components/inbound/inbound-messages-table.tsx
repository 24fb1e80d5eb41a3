import { EmptyState, Th } from "@/components/ui/table";
import type { InboundMessageRow } from "@/lib/history/find-inbound-messages";
import type { Page } from "@/lib/paging";
import { InboundMessageRowView } from "./inbound-message-row";
import { ShowOlderInbound } from "./show-older-inbound";

export { formatSize } from "./format-size";

/** How many messages S4 shows at first (the forwarding panel asks for this many); "Show older" pages on. */
export const INBOUND_PAGE_SIZE = 20;

/**
 * S4: the latest messages that reached the alias (R21), newest first. Bodies are not kept. "Show older" only when
 * the page says older ones exist (with exactly 20 messages there are none: issue 18).
 */
export function InboundMessagesTable({
  page,
  now = new Date(),
  mailboxId,
}: {
  page: Page<InboundMessageRow>;
  now?: Date;
  mailboxId?: string;
}) {
  const messages = page.items;
  if (messages.length === 0) {
    return (
      <EmptyState title="No mail received yet">Messages forwarded to the alias appear here, newest first.</EmptyState>
    );
  }
  return (
    // Fixed layout: long senders and subjects are cut with an ellipsis (full text in the tooltip), never scrolled.
    <table aria-label="Latest inbound messages" className="tbl table-fixed">
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
          <Th scope="col" className="hidden text-right sm:table-cell">
            Size
          </Th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <InboundMessageRowView key={m.id} m={m} now={now} />
        ))}
      </tbody>
      {mailboxId && page.hasOlder && (
        <ShowOlderInbound
          mailboxId={mailboxId}
          before={messages[messages.length - 1].id}
          pageSize={INBOUND_PAGE_SIZE}
        />
      )}
    </table>
  );
}
