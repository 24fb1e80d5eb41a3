import { HEALTH_LABEL, type MailboxHealth } from "@/lib/mailboxes/mailbox-list-view";

const TONE: Record<MailboxHealth, string> = { ok: "b-green", pending: "b-amber", attention: "b-red", unknown: "b-gray" };
const SHORT: Record<MailboxHealth, string> = { ok: "Verified", pending: "Pending", attention: "Failed", unknown: "Not verified" };

/**
 * A mailbox's state in ONE badge: "Inactive", or, for an active mailbox, its forwarding health. The full words
 * ("Active, forwarding verified") are in the accessible name. Rendered as plain markup with
 * short classes (globals.css .b-*) because S1 shows it 50 times.
 */
export function MailboxStateBadge({ active, health }: { active: boolean; health: MailboxHealth }) {
  const full = `${active ? "Active" : "Inactive"}, ${HEALTH_LABEL[health].toLowerCase()}`;
  return (
    <span className={`b ${active ? TONE[health] : "b-gray"}`}>
      <span aria-hidden>{active ? SHORT[health] : "Inactive"}</span>
      <span className="sr-only">{full}</span>
    </span>
  );
}
