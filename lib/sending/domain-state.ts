import type { DomainSendingState, RecordStatus } from "@/db/schema/sending";

// R36, pure: the domain's next state from the signing key's DKIM status at a check.
//   not_set_up/waiting → ready when verified; ready → at_risk when a check finds it missing or wrong (one DNS hiccup
//   alerts no one); at_risk → broken after 3 such checks in a row or 72 h; any → ready when verified again.
//   "Could not check" (DNS did not answer) changes nothing: it is not evidence that the record is gone.

export const BROKEN_AFTER_CHECKS = 3;
export const BROKEN_AFTER_MS = 72 * 3_600_000;
/** Waiting domains are checked this often during their first hour, then at the normal interval. */
export const WAITING_FAST_INTERVAL_MS = 5 * 60_000;
export const WAITING_FAST_PERIOD_MS = 3_600_000;

export type DomainStateFacts = {
  state: DomainSendingState;
  failuresInRow: number;
  atRiskSince: Date | null;
  brokenSince: Date | null;
  lastSuccessAt: Date | null;
};

export type DomainTransition = DomainStateFacts & { event: "broken" | "recovered" | null };

export function nextDomainState(prev: DomainStateFacts, dkim: RecordStatus, now: Date): DomainTransition {
  if (dkim === "verified") {
    return {
      state: "ready",
      failuresInRow: 0,
      atRiskSince: null,
      brokenSince: null,
      lastSuccessAt: now,
      event: prev.state === "broken" ? "recovered" : null,
    };
  }
  if (dkim === "could_not_check" || dkim === "not_checked") return { ...prev, event: null };
  // not_found, wrong_value
  const failuresInRow = prev.failuresInRow + 1;
  switch (prev.state) {
    case "not_set_up":
    case "waiting":
      return { ...prev, state: "waiting", failuresInRow, event: null };
    case "ready":
      return { ...prev, state: "at_risk", failuresInRow: 1, atRiskSince: now, event: null };
    case "at_risk": {
      const since = prev.atRiskSince ?? now;
      const broken = failuresInRow >= BROKEN_AFTER_CHECKS || now.getTime() - since.getTime() >= BROKEN_AFTER_MS;
      return broken
        ? { ...prev, state: "broken", failuresInRow, atRiskSince: since, brokenSince: now, event: "broken" }
        : { ...prev, failuresInRow, atRiskSince: since, event: null };
    }
    case "broken":
      return { ...prev, failuresInRow, event: null };
  }
}

/** When the domain is checked next: waiting domains often during their first hour; broken ones too, for recovery. */
export function nextCheckAt(
  state: DomainSendingState,
  opts: { now: Date; waitingSince: Date | null; intervalMs: number; newKeyPending?: boolean },
): Date | null {
  if (state === "not_set_up") return null;
  const { now } = opts;
  if (
    (state === "waiting" || opts.newKeyPending) &&
    opts.waitingSince &&
    now.getTime() - opts.waitingSince.getTime() < WAITING_FAST_PERIOD_MS
  ) {
    return new Date(now.getTime() + WAITING_FAST_INTERVAL_MS);
  }
  // At risk: checked at a third of the interval, so that 3 checks (or 72 h) decide promptly.
  const interval =
    state === "at_risk" ? Math.max(WAITING_FAST_INTERVAL_MS, Math.round(opts.intervalMs / 3)) : opts.intervalMs;
  return new Date(now.getTime() + interval);
}
