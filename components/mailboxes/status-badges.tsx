import { Badge } from "@/components/ui/badge";
import { FORWARDING_STATUS_LABEL, type ForwardingStatus } from "@/lib/forwarding/status";

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>;
}

const tone = { unknown: "neutral", pending: "amber", verified: "green", failed: "red" } as const;
export function ForwardingBadge({ status }: { status: ForwardingStatus }) {
  return <Badge tone={tone[status]}>{FORWARDING_STATUS_LABEL[status]}</Badge>;
}

export function RoutingVersion({ version }: { version: "production" | "test" }) {
  return <span className="text-slate-500">{version === "production" ? "Production" : "Test"}</span>;
}
