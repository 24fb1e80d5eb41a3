import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { WebhookDeliveryView } from "@/lib/webhooks/find-webhook-deliveries";
import { ResendDeliveryButton } from "./webhook-endpoint-actions";
import { ERROR_LABEL, EVENT_LABEL } from "./webhook-words";

const STATUS = {
  delivered: { label: "Delivered", tone: "green" },
  pending: { label: "Retrying", tone: "amber" },
  failed: { label: "Failed", tone: "red" },
} as const;

/** R51: an endpoint's last 100 deliveries: event, outcome, status code, duration, attempts, next retry; Resend. */
export function WebhookDeliveryLog({
  endpointId,
  deliveries,
  now,
}: {
  endpointId: string;
  deliveries: WebhookDeliveryView[];
  now: Date;
}) {
  if (deliveries.length === 0)
    return <EmptyState title="No delivery yet">Events appear here as they are sent. Try “Send test event”.</EmptyState>;
  return (
    <Table cards aria-label="Deliveries">
      <thead>
        <tr>
          <Th>Event</Th>
          <Th>Result</Th>
          <Th>Answer</Th>
          <Th>Attempts</Th>
          <Th>Next retry</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => {
          const status =
            d.status === "pending" && d.attempts === 0
              ? { label: "Queued", tone: "neutral" as const }
              : STATUS[d.status];
          return (
            <tr key={d.id} data-testid="webhook-delivery">
              <Td>
                <span className="block font-medium">{EVENT_LABEL[d.type as keyof typeof EVENT_LABEL] ?? d.type}</span>
                <span className="block font-mono text-xs text-slate-500">{d.type}</span>
                <span className="block text-xs text-slate-500">
                  <TimeAgo date={d.createdAt} now={now} />
                </span>
              </Td>
              <Td>
                <Badge tone={status.tone}>{status.label}</Badge>
              </Td>
              <Td>
                {d.lastStatusCode !== null && <span className="font-mono">{d.lastStatusCode} </span>}
                {d.lastError && d.lastError !== "http_status" && (
                  <span className="text-slate-600">{ERROR_LABEL[d.lastError] ?? d.lastError} </span>
                )}
                {d.lastDurationMs !== null && (
                  <span className="text-xs text-slate-500">in {d.lastDurationMs.toLocaleString("en")} ms</span>
                )}
                {d.attempts === 0 && <span className="text-slate-500">Not sent yet</span>}
              </Td>
              <Td>
                <span className="md:hidden text-slate-500">Attempts: </span>
                {d.attempts}
              </Td>
              <Td>
                {d.status === "pending" && d.nextAttemptAt ? (
                  <>
                    <span className="md:hidden text-slate-500">Next retry: </span>
                    <time dateTime={d.nextAttemptAt.toISOString()}>
                      {d.nextAttemptAt <= now ? "Now" : <TimeUntil date={d.nextAttemptAt} now={now} />}
                    </time>
                  </>
                ) : (
                  <span className="max-md:hidden">—</span>
                )}
              </Td>
              <Td className="text-right">
                {d.status === "failed" && <ResendDeliveryButton endpointId={endpointId} deliveryId={d.id} />}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function TimeUntil({ date, now }: { date: Date; now: Date }) {
  const s = Math.round((date.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  if (s < 60) return <>{rtf.format(s, "second")}</>;
  if (s < 3600) return <>{rtf.format(Math.round(s / 60), "minute")}</>;
  return <>{rtf.format(Math.round(s / 3600), "hour")}</>;
}
