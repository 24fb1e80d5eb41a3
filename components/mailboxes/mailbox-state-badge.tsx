import { isReceivingMail } from "@/lib/forwarding/status";
import { formatAgo, formatOrgTime } from "@/lib/format-time";
import { describeHealthCause, healthLabel, type HealthState, type MailboxHealth } from "@/lib/health/mailbox-health";

const TONE: Record<HealthState, string> = { healthy: "b-green", checking: "b-amber", needs_attention: "b-red", not_verified: "b-gray" };
const SHORT: Record<HealthState, string> = { healthy: "Healthy", checking: "Checking", needs_attention: "Needs attention", not_verified: "Not verified" };

/**
 * A mailbox's state in ONE badge: "Inactive", or, for an active mailbox, its forwarding health (R29) — with
 * customer mail arriving as positive evidence where no rule is proven yet (R26). The full words and the cause
 * ("Active: Needs attention. No mail since …") are in the accessible name and the tooltip. Plain markup with
 * short classes (globals.css .b-*) because S1 shows it 50 times.
 */
export function MailboxStateBadge(props: { active: boolean; health: MailboxHealth; lastCustomerMailAt: Date | null; now: Date; timeZone: string }) {
  const { active, health, lastCustomerMailAt, now, timeZone } = props;
  const receiving = health.state === "not_verified" && isReceivingMail(lastCustomerMailAt, now);
  const cause = health.state === "needs_attention" || health.state === "checking" ? describeHealthCause(health.cause, (d) => formatOrgTime(d, timeZone)) : null;
  // R26: customer mail arriving is said in every state (the badge itself shows it where no rule is proven yet).
  const evidence = active && lastCustomerMailAt && isReceivingMail(lastCustomerMailAt, now) ? `Receiving mail, last message ${formatAgo(lastCustomerMailAt, now, timeZone)}` : null;
  const full = [`${active ? "Active" : "Inactive"}: ${healthLabel(health)}`, cause, evidence].filter(Boolean).join(". ");
  const tone = !active ? "b-gray" : receiving ? "b-blue" : TONE[health.state];
  return (
    <span className={`b ${tone}`} title={full}>
      <span aria-hidden>{!active ? "Inactive" : receiving ? "Receiving mail" : SHORT[health.state]}</span>
      <span className="sr-only">{full}</span>
    </span>
  );
}
