// A mailbox's forwarding status (R22), derived from its latest verification request: no stored status
// to go stale, and no timer in memory that a second instance would miss.
export type ForwardingStatus = "unknown" | "pending" | "verified" | "failed";

export type LatestVerification = { verifiedAt: Date | null; expiresAt: Date } | null;

export function forwardingStatusOf(latest: LatestVerification, now: Date = new Date()): ForwardingStatus {
  if (!latest) return "unknown";
  if (latest.verifiedAt) return "verified";
  return now < latest.expiresAt ? "pending" : "failed";
}

export const FORWARDING_STATUS_LABEL: Record<ForwardingStatus, string> = {
  unknown: "Not verified",
  pending: "Verification pending",
  verified: "Forwarding verified",
  failed: "Verification failed",
};

/** The badge tone of each status (components/ui/badge.tsx). */
export const FORWARDING_STATUS_TONE: Record<ForwardingStatus, "neutral" | "amber" | "green" | "red"> = {
  unknown: "neutral",
  pending: "amber",
  verified: "green",
  failed: "red",
};
