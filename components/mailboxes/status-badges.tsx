import { Badge } from "@/components/ui/badge";
import { formatAgo } from "@/lib/format-time";
import { FORWARDING_STATUS_TONE, forwardingStatusLabel, isReceivingMail, type ForwardingStatus } from "@/lib/forwarding/status";

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>;
}

/** The forwarding status of the mailbox's current address (R22, R25): "Not verified for <address>" after a change. */
export function ForwardingStatusBadge(props: { status: ForwardingStatus; address: string; addressChanged?: boolean; className?: string }) {
  return (
    <Badge tone={FORWARDING_STATUS_TONE[props.status]} className={props.className}>
      {forwardingStatusLabel(props.status, { address: props.address, addressChanged: Boolean(props.addressChanged) })}
    </Badge>
  );
}

/** @deprecated use ForwardingStatusBadge, which names the address after a change. */
export function ForwardingBadge({ status }: { status: ForwardingStatus }) {
  return <ForwardingStatusBadge status={status} address="" />;
}

/** R26: positive evidence, apart from a proven rule: customer mail is arriving ("Receiving mail · 2 h ago"). */
export function ReceivingMailBadge({ lastCustomerMailAt, now }: { lastCustomerMailAt: Date | null; now: Date }) {
  if (!lastCustomerMailAt || !isReceivingMail(lastCustomerMailAt, now)) return null;
  return (
    // May wrap: beside the status in a narrow card header (390 px) it must not push the page sideways.
    <Badge tone="blue" className="whitespace-normal">
      <span data-testid="receiving-mail">Receiving mail · last message {formatAgo(lastCustomerMailAt, now)}</span>
    </Badge>
  );
}

export function RoutingVersion({ version }: { version: "production" | "test" }) {
  return <span className="text-slate-500">{version === "production" ? "Production" : "Test"}</span>;
}
