import { Badge } from "@/components/ui/badge";
import { Td } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { InboundMessageRow } from "@/lib/history/find-inbound-messages";
import { formatSize } from "./format-size";

// A badge never wider than its cell (fixed table layout): cut with an ellipsis rather than overflow.
const fit = "max-w-full overflow-hidden text-ellipsis";

/** One row of S4's inbound messages; rendered on the server and by "Show older" in the browser. */
export function InboundMessageRowView({ m, now }: { m: InboundMessageRow; now: Date }) {
  return (
    <tr>
      <Td className="whitespace-nowrap text-slate-600">
        <TimeAgo date={m.receivedAt} now={now} />
      </Td>
      <Td>
        <span className="block truncate" title={m.headerFrom ?? undefined}>
          {m.headerFrom ?? "—"}
        </span>
        {m.envelopeFrom && m.envelopeFrom !== m.headerFrom && (
          <span
            className="block truncate text-xs text-slate-500"
            title={`Envelope sender (MAIL FROM): ${m.envelopeFrom}`}
          >
            via {m.envelopeFrom}
          </span>
        )}
      </Td>
      <Td>
        <span className="block truncate" title={`${m.subject ?? ""}\nMessage-ID: ${m.messageId}`}>
          {m.subject ?? <span className="text-slate-500">(no subject)</span>}
        </span>
        <span className="mt-0.5 flex flex-wrap gap-1">
          {m.confirmationProvider === "gmail" && (
            <Badge tone="blue" className={fit}>
              Gmail confirmation{m.providerAuth === "demo" ? " (demo)" : ""}
            </Badge>
          )}
          {m.kind === "customer" && (
            <Badge tone="green" className={fit}>
              Customer
            </Badge>
          )}
          {m.kind === "platform" && <Badge className={fit}>Test message</Badge>}
          {m.kind === "provider" && !m.confirmationProvider && <Badge className={fit}>Provider</Badge>}
          {m.providerAuth === "temperror" && (
            <Badge tone="amber" className={fit}>
              Not authenticated
            </Badge>
          )}
          {m.kind === "customer" && m.autoSubmitted && <Badge className={fit}>Automatic</Badge>}
        </span>
      </Td>
      <Td className="hidden text-right whitespace-nowrap text-slate-600 sm:table-cell">{formatSize(m.sizeBytes)}</Td>
    </tr>
  );
}
