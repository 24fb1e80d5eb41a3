// A mailbox's forwarding status (R22, R25), derived from its latest verification FOR ITS CURRENT ADDRESS: no
// stored status to go stale, and no timer in memory that a second instance would miss.
export type ForwardingStatus = "unknown" | "pending" | "verified" | "failed";
export type LatestVerification = { verifiedAt: Date | null; failedAt?: Date | null; expiresAt: Date } | null;

export function forwardingStatusOf(latest: LatestVerification, now: Date = new Date()): ForwardingStatus {
  if (!latest) return "unknown";
  if (latest.verifiedAt) return "verified";
  if (latest.failedAt) return "failed";
  return now < latest.expiresAt ? "pending" : "failed";
}

export const FORWARDING_STATUS_LABEL: Record<ForwardingStatus, string> = {
  unknown: "Not verified",
  pending: "Verification pending",
  verified: "Forwarding verified",
  failed: "Verification failed",
};

/**
 * The words of a status. "Not verified for <address>" when the mailbox's address changed since its last
 * verification (R25): what was proven was another address's rule.
 */
export function forwardingStatusLabel(status: ForwardingStatus, opts: { address: string; addressChanged: boolean }): string {
  if (status === "unknown" && opts.addressChanged) return `Not verified for ${opts.address}`;
  return FORWARDING_STATUS_LABEL[status];
}

/** The badge tone of each status (components/ui/badge.tsx). */
export const FORWARDING_STATUS_TONE: Record<ForwardingStatus, "neutral" | "amber" | "green" | "red"> = {
  unknown: "neutral",
  pending: "amber",
  verified: "green",
  failed: "red",
};

/** R26: how recent customer mail must be to count as "Receiving mail" evidence. */
export const RECEIVING_MAIL_WINDOW_MS = 30 * 24 * 3_600_000;
export function isReceivingMail(lastCustomerMailAt: Date | null, now: Date = new Date()): boolean {
  return Boolean(lastCustomerMailAt && now.getTime() - lastCustomerMailAt.getTime() <= RECEIVING_MAIL_WINDOW_MS);
}
