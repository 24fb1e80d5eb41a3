// The words of each mailbox state, once (documenso's FRIENDLY_STATUS_MAP): its label, tone, icon, and the sentence
// of its cause. The badge (components/mailbox-state/mailbox-state-badge.tsx), S1, S4, S5, the CSV export and the
// filters all read this map; nothing else names a state. PURE: client components import it, and so does the API
// (which must not load UI code): the icon is named here and drawn by the badge.
import { en } from "@/lib/i18n/catalogues/en";
import { formatAgo } from "@/lib/format-time";
import type { HealthCause, HealthState, MailboxHealth, StateCode } from "./derive-mailbox-state";
import { describeFailure } from "./failure-reason";

export type StateTone = "neutral" | "blue" | "green" | "amber" | "red";

/** The icon of a state, by name (lucide's); components/mailbox-state draws it. */
export type StateIcon =
  | "circle-check"
  | "circle-dashed"
  | "circle-off"
  | "clock"
  | "inbox"
  | "mail-question"
  | "moon-star"
  | "rotate-ccw"
  | "x-circle";

export type StateEntry = {
  label: string;
  tone: StateTone;
  icon: StateIcon;
  /** The state's cause in a sentence (English: the Maker's language), times formatted by the caller. */
  cause: (c: HealthCause | undefined, time: (d: Date) => string) => string | null;
};

const failed = (c: HealthCause | undefined, time: (d: Date) => string) =>
  c?.kind === "verification_failed"
    ? `Verification of ${time(c.at)} failed: ${c.reason ? describeFailure(c.reason, en, "en") : "the test message did not come back"}`
    : null;

export const MAILBOX_STATE: Record<StateCode, StateEntry> = {
  inactive: {
    label: "Inactive",
    tone: "neutral",
    icon: "circle-off",
    cause: () => "Inactive: forwarding is not checked",
  },
  // "Not verified" says it all: no cause sentence (S1 sends 50 rows within 70 kB; each row carries its cause).
  not_verified: { label: "Not verified", tone: "neutral", icon: "circle-dashed", cause: () => null },
  address_changed: {
    label: "Not verified",
    tone: "neutral",
    icon: "circle-dashed",
    cause: (c) => (c?.kind === "address_changed" ? `Not verified for ${c.address}` : null),
  },
  receiving_mail: {
    label: "Receiving mail",
    tone: "blue",
    icon: "inbox",
    cause: (c) => (c?.kind === "address_changed" ? `Not verified for ${c.address}` : "Not verified"),
  },
  verifying: {
    label: "Verification pending",
    tone: "amber",
    icon: "clock",
    cause: (c, time) => (c?.kind === "verification_pending" ? `Verification running since ${time(c.since)}` : null),
  },
  checking: {
    label: "Checking",
    tone: "amber",
    icon: "clock",
    cause: (c, time) => (c?.kind === "silent" ? `No mail since ${time(c.since)}: re-verification starting` : null),
  },
  healthy: { label: "Forwarding verified", tone: "green", icon: "circle-check", cause: () => null },
  confirmation_waiting: {
    label: "Gmail confirmation waiting",
    tone: "red",
    icon: "mail-question",
    cause: () => "Gmail forwards nothing until its confirmation is completed",
  },
  confirmed_verify_again: {
    label: "Forwarding confirmed: verify again",
    tone: "amber",
    icon: "rotate-ccw",
    cause: () => "The provider held the earlier test message until its confirmation: verify forwarding again",
  },
  verification_failed: { label: "Verification failed", tone: "red", icon: "x-circle", cause: failed },
  silent: {
    label: "Mail stopped",
    tone: "red",
    icon: "moon-star",
    cause: (c, time) => (c?.kind === "silent" ? `No mail since ${time(c.since)}` : null),
  },
};

/** The S1 filter's options: R29's levels, named by the state that stands for each (Needs attention groups four). */
export const HEALTH_FILTER_LABEL: Record<HealthState, string> = {
  needs_attention: "Needs attention",
  checking: MAILBOX_STATE.checking.label,
  not_verified: MAILBOX_STATE.not_verified.label,
  healthy: MAILBOX_STATE.healthy.label,
};

/** The badge's words: "Not verified for <address>" after an address change (R25), else the state's label. */
export function stateLabel(h: Pick<MailboxHealth, "code" | "cause">): string {
  if (h.code === "address_changed" && h.cause?.kind === "address_changed") return `Not verified for ${h.cause.address}`;
  return MAILBOX_STATE[h.code].label;
}

/** A badge's state from its code alone (rows sent lean): after an address change it names the row's address (R25). */
export function badgeState(code: StateCode, address: string): Pick<MailboxHealth, "code" | "cause"> {
  return { code, cause: code === "address_changed" ? { kind: "address_changed", address } : undefined };
}

/**
 * What a badge adds for screen readers and its tooltip: the cause (when the label does not say it all) and
 * customer mail arriving as evidence (R26): "Verification of … failed: …; receiving mail, last message 1 hour ago".
 */
export function stateDetail(
  h: MailboxHealth,
  opts: { now: Date; time: (d: Date) => string; lastCustomerMailAt?: Date | null; timeZone?: string },
): string {
  const label = stateLabel(h);
  const cause = MAILBOX_STATE[h.code].cause(h.cause, opts.time);
  const last = opts.lastCustomerMailAt;
  const evidence =
    h.receiving && last
      ? `${h.code === "receiving_mail" ? "" : "receiving mail, "}last message ${formatAgo(last, opts.now, opts.timeZone)}`
      : null;
  return [cause && cause !== label ? cause : null, evidence].filter(Boolean).join("; ");
}
