// One health state per mailbox (R29), derived on read from facts in the database: no stored state to go stale,
// no timer. A PURE function, so the list (S1), the detail (S4), the banner and the scheduler agree.

export type HealthState = "healthy" | "not_verified" | "checking" | "needs_attention";

export type HealthFacts = {
  active: boolean;
  latestVerification: {
    requestedAt: Date;
    expiresAt: Date;
    verifiedAt: Date | null;
    failedAt?: Date | null;
    failureReason?: string | null;
    /** The address the verification proved (issue 9); absent: it proved the current one. */
    address?: string | null;
  } | null;
  currentAddress: string;
  lastCustomerMailAt: Date | null;
  /** Set while the mailbox is flagged silent: its last customer mail before the silence. */
  silentSince: Date | null;
  confirmationWaiting: boolean;
  /** A re-verification has been decided but has not started yet (the scheduler's queue). */
  checkQueued?: boolean;
  /** An incident is open (admins were alerted): a re-check in flight does not end it, only a success does. */
  incidentOpen?: boolean;
  now: Date;
};

export type HealthCause =
  | { kind: "verification_failed"; at: Date; reason: string | null }
  | { kind: "silent"; since: Date }
  | { kind: "confirmation_waiting" }
  | { kind: "verification_pending"; since: Date }
  | { kind: "inactive" }
  | { kind: "never_verified" }
  | { kind: "address_changed"; address: string };

export type MailboxHealth = { state: HealthState; cause?: HealthCause };

export const HEALTH_STATES: readonly HealthState[] = ["needs_attention", "checking", "not_verified", "healthy"];

export const HEALTH_LABEL: Record<HealthState, string> = {
  healthy: "Healthy",
  not_verified: "Not verified",
  checking: "Checking",
  needs_attention: "Needs attention",
};

/** The badge's words: "Not verified for <address>" after an address change (R25), else the state's label. */
export function healthLabel(h: MailboxHealth): string {
  if (h.state === "not_verified" && h.cause?.kind === "address_changed") return `Not verified for ${h.cause.address}`;
  return HEALTH_LABEL[h.state];
}

export function mailboxHealth(f: HealthFacts): MailboxHealth {
  if (!f.active) return { state: "not_verified", cause: { kind: "inactive" } };
  const v = f.latestVerification;
  const forCurrent = v && (!v.address || v.address === f.currentAddress) ? v : null;
  if (f.confirmationWaiting) return { state: "needs_attention", cause: { kind: "confirmation_waiting" } };
  if (forCurrent && !forCurrent.verifiedAt) {
    if (forCurrent.failedAt) return { state: "needs_attention", cause: { kind: "verification_failed", at: forCurrent.failedAt, reason: forCurrent.failureReason ?? null } };
    if (f.now < forCurrent.expiresAt) {
      return { state: f.incidentOpen ? "needs_attention" : "checking", cause: { kind: "verification_pending", since: forCurrent.requestedAt } };
    }
    return { state: "needs_attention", cause: { kind: "verification_failed", at: forCurrent.expiresAt, reason: forCurrent.failureReason ?? null } };
  }
  // Silent, and nothing has proved the rule since the silence began: a quiet day is told apart from a broken rule
  // by the re-verification that the silence starts (verified after it: healthy).
  if (f.silentSince && !(forCurrent?.verifiedAt && forCurrent.requestedAt > f.silentSince)) {
    if (f.checkQueued) return { state: "checking", cause: { kind: "silent", since: f.silentSince } };
    return { state: "needs_attention", cause: { kind: "silent", since: f.silentSince } };
  }
  if (forCurrent?.verifiedAt) return { state: "healthy" };
  return { state: "not_verified", cause: v ? { kind: "address_changed", address: f.currentAddress } : { kind: "never_verified" } };
}

/** A cause in a sentence for the UI (English: Maker's language). Times are formatted by the caller. */
export function describeHealthCause(cause: HealthCause | undefined, formatTime: (d: Date) => string): string | null {
  switch (cause?.kind) {
    case "verification_failed":
      return `Verification of ${formatTime(cause.at)} failed${cause.reason ? `: ${cause.reason}` : ": the test message did not come back"}`;
    case "silent":
      return `No mail since ${formatTime(cause.since)}`;
    case "confirmation_waiting":
      return "Gmail confirmation waiting";
    case "verification_pending":
      return `Verification running since ${formatTime(cause.since)}`;
    case "inactive":
      return "Inactive: not checked";
    case "address_changed":
      return `Not verified for ${cause.address}`;
    case "never_verified":
      return "Forwarding never verified";
    default:
      return null;
  }
}
