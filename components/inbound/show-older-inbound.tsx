"use client";
import { loadOlderInboundMessagesAction } from "@/lib/actions/history";
import { Button } from "@/components/ui/button";
import { useShowOlder } from "@/components/ui/use-show-older";
import type { InboundMessageRow } from "@/lib/history/find-inbound-messages";
import { InboundMessageRowView } from "./inbound-message-row";

/** "Show older" under S4's inbound messages: the next page (keyset, stable order), appended to the table. */
export function ShowOlderInbound(props: { mailboxId: string; before: string; pageSize: number }) {
  const { items, more, pending, error, showOlder } = useShowOlder<InboundMessageRow, string>({
    first: { hasOlder: true, last: props.before },
    load: (before) => loadOlderInboundMessagesAction({ mailboxId: props.mailboxId, before, limit: props.pageSize }),
    cursorOf: (m) => m.id,
    failed: "The older messages could not be loaded. Try again.",
  });
  const now = new Date();

  return (
    <>
      {items.length > 0 && (
        <tbody>
          {items.map((m) => (
            <InboundMessageRowView key={m.id} m={{ ...m, receivedAt: new Date(m.receivedAt) }} now={now} />
          ))}
        </tbody>
      )}
      <tfoot>
        <tr>
          <td colSpan={4} className="pt-3">
            {error && (
              <p role="alert" className="mb-2 text-sm text-red-700">
                {error}
              </p>
            )}
            {more ? (
              <Button variant="secondary" size="sm" onClick={showOlder} pending={pending}>
                Show older
              </Button>
            ) : (
              <p className="text-xs text-slate-500">No older messages.</p>
            )}
          </td>
        </tr>
      </tfoot>
    </>
  );
}
