import { platformMailDomain } from "@/lib/mailboxes/alias";

// Stand-in until the forwarding-trust work (issue 9) brings its own predicate under this name and signature:
// the receiver reads a message's body only when what the platform keeps of it depends on the body.

const FORWARDING_CHECK_SUBJECT = /\bforwarding check for\b.*\[fv-[a-z0-9]{26}\]/i;

/**
 * True when the receiver must read the message's body (up to its cap) and run the full parse, false when the
 * header block alone gives every recorded fact. Read the body for: mail from Google (forwarding confirmations,
 * R23), delivery status notifications (multipart/report) and other bounces (null envelope sender, or sent to a
 * platform bounce address), and the platform's own forwarding check (R22) whatever path it took.
 */
export function needsBody(
  h: { from: string | null; contentType: string | null; subject: string | null },
  envelope: { mailFrom: string | null; rcptTo: string[] },
): boolean {
  const fromDomain = (h.from ?? "").trim().toLowerCase().split("@")[1] ?? "";
  if (fromDomain === "google.com" || fromDomain.endsWith(".google.com")) return true;
  if (/^\s*multipart\/report\b/i.test(h.contentType ?? "")) return true;
  if (!envelope.mailFrom) return true; // a null sender: a bounce or another automatic notice
  const domain = platformMailDomain();
  if (envelope.rcptTo.some((r) => /^bounce\+[^@]*@/i.test(r) && r.toLowerCase().endsWith(`@${domain}`))) return true;
  if (FORWARDING_CHECK_SUBJECT.test(h.subject ?? "")) return true;
  return false;
}
