// A mailbox's ONE state (R22, R25, R26, R29), derived on read from facts in the database: no stored state to go
// stale, no timer. PURE (no database import), so the list (S1), the detail (S4), the queue rows (S5), the CSV, the
// filters, the banner, the scheduler and the alert emails agree. The words of each state are in ./state-map.ts.
import type { FailureReason } from "./failure-reason";

/** The precise state a badge shows. */
export const STATE_CODES = [
  "inactive",
  "not_verified",
  "address_changed",
  "receiving_mail",
  "verifying",
  "checking",
  "healthy",
  "confirmation_waiting",
  "confirmed_verify_again",
  "verification_failed",
  "silent",
] as const;
export type StateCode = (typeof STATE_CODES)[number];

/** R29's four levels, which group the states: the S1 filter, incidents (needs attention opens one), the banner. */
export const HEALTH_STATES = ["needs_attention", "checking", "not_verified", "healthy"] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export type HealthFacts = {
  active: boolean;
  latestVerification: {
    requestedAt: Date;
    expiresAt: Date;
    verifiedAt: Date | null;
    failedAt?: Date | null;
    /** Why it failed, as a code with its parameters (rendered through the catalogues). */
    failure?: FailureReason | null;
    /** The address the verification proved (issue 9); absent: it proved the current one. */
    address?: string | null;
  } | null;
  currentAddress: string;
  lastCustomerMailAt: Date | null;
  /** Set while the mailbox is flagged silent: its last customer mail before the silence. */
  silentSince: Date | null;
  /** A provider's forwarding confirmation arrived after the last success and was not acted on since (R23, R28). */
  confirmationWaiting: boolean;
  /** A re-verification has been decided but has not started yet (the scheduler's queue). */
  checkQueued?: boolean;
  /** An incident is open (admins were alerted): a re-check in flight does not end it, only a success does. */
  incidentOpen?: boolean;
  now: Date;
};

export type HealthCause =
  | { kind: "verification_failed"; at: Date; reason: FailureReason | null }
  | { kind: "silent"; since: Date }
  | { kind: "confirmation_waiting" }
  | { kind: "confirmed_verify_again"; at: Date }
  | { kind: "verification_pending"; since: Date; until: Date }
  | { kind: "inactive" }
  | { kind: "never_verified" }
  | { kind: "address_changed"; address: string };

/** `state`: R29's level; `code`: the precise state of the badge; `cause`: its facts, for the cause sentence. */
export type MailboxHealth = { state: HealthState; code: StateCode; cause?: HealthCause; receiving?: boolean };

/** R26: how recent customer mail must be to count as "Receiving mail" evidence. */
export const RECEIVING_MAIL_WINDOW_MS = 30 * 24 * 3_600_000;
export function isReceivingMail(lastCustomerMailAt: Date | null, now: Date): boolean {
  return Boolean(lastCustomerMailAt && now.getTime() - lastCustomerMailAt.getTime() <= RECEIVING_MAIL_WINDOW_MS);
}

/** The one derivation. The latest verification counts only when it was for the mailbox's current address (R25). */
export function mailboxHealth(f: HealthFacts): MailboxHealth {
  const receiving = isReceivingMail(f.lastCustomerMailAt, f.now);
  const out = (state: HealthState, code: StateCode, cause?: HealthCause): MailboxHealth => ({
    state,
    code,
    cause,
    receiving,
  });
  if (!f.active) return out("not_verified", "inactive", { kind: "inactive" });
  const v = f.latestVerification;
  const forCurrent = v && (!v.address || v.address === f.currentAddress) ? v : null;
  if (f.confirmationWaiting) return out("needs_attention", "confirmation_waiting", { kind: "confirmation_waiting" });
  if (forCurrent && !forCurrent.verifiedAt) {
    if (forCurrent.failedAt && forCurrent.failure?.code === "provider_held") {
      return out("needs_attention", "confirmed_verify_again", {
        kind: "confirmed_verify_again",
        at: forCurrent.failedAt,
      });
    }
    if (forCurrent.failedAt) {
      return out("needs_attention", "verification_failed", {
        kind: "verification_failed",
        at: forCurrent.failedAt,
        reason: forCurrent.failure ?? null,
      });
    }
    if (f.now < forCurrent.expiresAt) {
      const cause = {
        kind: "verification_pending",
        since: forCurrent.requestedAt,
        until: forCurrent.expiresAt,
      } as const;
      return out(f.incidentOpen ? "needs_attention" : "checking", "verifying", cause);
    }
    // Expired and not settled yet (the health tick settles it within a minute): the same words as once settled.
    const timedOut: FailureReason = {
      code: "timed_out",
      address: forCurrent.address ?? f.currentAddress,
      timeoutMs: forCurrent.expiresAt.getTime() - forCurrent.requestedAt.getTime(),
    };
    return out("needs_attention", "verification_failed", {
      kind: "verification_failed",
      at: forCurrent.expiresAt,
      reason: timedOut,
    });
  }
  // Silent, and nothing has proved the rule since the silence began: a quiet day is told apart from a broken rule
  // by the re-verification that the silence starts (verified after it: healthy).
  if (f.silentSince && !(forCurrent?.verifiedAt && forCurrent.requestedAt > f.silentSince)) {
    if (f.checkQueued) return out("checking", "checking", { kind: "silent", since: f.silentSince });
    return out("needs_attention", "silent", { kind: "silent", since: f.silentSince });
  }
  if (forCurrent?.verifiedAt) return out("healthy", "healthy");
  const cause: HealthCause = v ? { kind: "address_changed", address: f.currentAddress } : { kind: "never_verified" };
  if (receiving) return out("not_verified", "receiving_mail", cause);
  return out("not_verified", v ? "address_changed" : "not_verified", cause);
}
