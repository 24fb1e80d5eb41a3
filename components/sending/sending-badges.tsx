import { Badge } from "@/components/ui/badge";
import {
  DOMAIN_STATE_LABELS,
  RECORD_STATUS_LABELS,
  type DomainSendingState,
  type RecordStatus,
} from "@/lib/sending/types";

type Tone = "neutral" | "green" | "amber" | "red" | "blue";

// One map per status (CONVENTIONS): the words come from lib/sending/types.ts, the tone and dot from here.
const STATE_TONE: Record<DomainSendingState, { tone: Tone; dot: string }> = {
  not_set_up: { tone: "neutral", dot: "bg-slate-400" },
  waiting: { tone: "blue", dot: "bg-brand-600" },
  ready: { tone: "green", dot: "bg-emerald-600" },
  at_risk: { tone: "amber", dot: "bg-amber-500" },
  broken: { tone: "red", dot: "bg-red-600" },
};

const STATUS_TONE: Record<RecordStatus, Tone> = {
  verified: "green",
  not_found: "red",
  wrong_value: "red",
  could_not_check: "amber",
  not_checked: "neutral",
  can_be_removed: "blue",
};

/** A domain's sending state: Not set up, Waiting for DNS, Ready to send, At risk, Broken (R36). */
export function DomainStateBadge({ state }: { state: DomainSendingState }) {
  const { tone, dot } = STATE_TONE[state];
  return (
    <Badge tone={tone} className="shrink-0">
      <span aria-hidden className={`size-1.5 rounded-full ${dot}`} />
      <span data-testid="domain-state">{DOMAIN_STATE_LABELS[state]}</span>
    </Badge>
  );
}

/** A DNS record's status at its last check. */
export function RecordStatusBadge({ status }: { status: RecordStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} className="shrink-0">
      <span data-testid="record-status">{RECORD_STATUS_LABELS[status]}</span>
    </Badge>
  );
}
