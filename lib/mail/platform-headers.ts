import { platformMailDomain } from "@/lib/alias";

// Headers that mark mail the platform itself sends (R24), and that the receiver looks for when it comes back.

/** RFC 3834: an automatic message, which no one should answer automatically. */
export const AUTO_SUBMITTED_HEADER = "Auto-Submitted";
/** Loop detection: the platform's mail domain, on every message the platform sends. */
export const LOOP_HEADER = "X-INO-Loop";
/** The single-use token of a forwarding check (R22); also in the subject and body, in case a provider drops it. */
export const VERIFICATION_HEADER = "X-INO-Forwarding-Check";

/** The headers every message the platform sends carries. */
export function platformMessageHeaders(): Record<string, string> {
  return {
    [AUTO_SUBMITTED_HEADER]: "auto-generated",
    [LOOP_HEADER]: platformMailDomain(),
    // Asks Microsoft Exchange not to send out-of-office and similar automatic answers to it.
    "X-Auto-Response-Suppress": "All",
  };
}
