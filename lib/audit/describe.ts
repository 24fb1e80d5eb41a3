// How audit events read in a history (R19): the right object, full sentences, human values, in form order.
import { languageLabel } from "@/lib/org/locale";
import { zoneLabel } from "@/lib/org/time-zones";
import { en } from "@/lib/i18n/catalogues/en";
import { describeFailure, isFailureReason } from "@/lib/mailbox-state/failure-reason";

type EventLike = { entityType: string; changes: Record<string, { from: unknown; to: unknown }>; entityLabel?: string };
const ACTIONS: Record<string, string> = {
  "organization.defaults_updated": "changed the organisation defaults of",
  "email_domain.added": "added the email domain",
  "email_domain.removed": "removed the email domain",
  "email_domain.dkim_key_rotated": "made a new DKIM key for",
  "email_domain.dkim_key_activated": "started signing with the new DKIM key of",
  "email_domain.sending_broken": "saw sending break (DKIM record missing) for",
  "email_domain.sending_recovered": "saw sending work again for",
  "email_domain.records_sent": "sent the DNS records of",
  "mailbox.test_email_sent": "sent a test email from",
  "smart_routing.added": "added the smart routing",
  "smart_routing.updated": "changed the smart routing",
  "smart_routing.removed": "removed the smart routing",
  "mailbox.created": "created the mailbox",
  "mailbox.updated": "edited the mailbox",
  "mailbox.activated": "activated the mailbox",
  "mailbox.deactivated": "deactivated the mailbox",
  "mailbox.deactivation_undone": "undid the deactivation of the mailbox",
  "mailbox.deleted": "deleted the mailbox",
  "mailbox.verification_requested": "asked to verify forwarding of",
  "mailbox.verification_scheduled": "sent a scheduled forwarding test to",
  "mailbox.verification_verified": "verified forwarding of",
  "mailbox.verification_failed": "could not verify forwarding of",
  "mailbox.verification_reply_ignored": "received a reply that is no delivery report for the forwarding test of",
  "queue.created": "created the queue",
  "queue.renamed": "renamed the queue",
  "queue.removed": "removed the queue",
  "queue.mailbox_linked": "linked a mailbox to the queue",
  "queue.mailbox_unlinked": "unlinked a mailbox from the queue",
  "queue.default_changed": "changed the default mailbox of the queue",
  "api_key.created": "created the API key",
  "api_key.revoked": "revoked the API key",
  "api_key.refused": "refused a request made with the revoked API key",
  "member.role_changed": "changed the role of",
  "member.removed": "removed from the organisation",
  "user.sign_in_limit_cleared": "cleared the sign-in limit of",
  "organization.alert_recipients_changed": "changed who receives alerts in",
};

const FIELDS: Record<string, string> = {
  timezone: "Timezone",
  language: "Language",
  domain: "Domain",
  name: "Name",
  hasPublished: "Published version",
  hasDraft: "Draft version",
  displayName: "Display name",
  address: "Email address",
  alias: "Alias",
  smartRouting: "Smart Routing",
  smartRoutingVersion: "Smart Routing version",
  endRouting: "End Smart Routing",
  endRoutingVersion: "End Smart Routing version",
  active: "Active",
  queue: "Queue",
  mailbox: "Mailbox",
  isDefault: "Default",
  defaultMailbox: "Default mailbox",
  defaultOf: "Default sender of",
  why: "Why",
  reply: "Reply",
  forwarding: "Forwarding",
  access: "Access",
  key: "Key",
  request: "Request",
  dkimSelector: "DKIM selector",
  sending: "Sending",
  testEmailTo: "Test email to",
  signedAs: "Signed as",
  recordsSentTo: "Records sent to",
  role: "Role",
  alertRecipients: "Alert recipients",
};

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/**
 * The sentence after the actor's name. With the event, link events name the right object for the history they
 * are read in: on a mailbox "added this mailbox to the queue “Support”", on a queue "added billing@… to this
 * queue".
 */
export function describeAuditAction(action: string, event?: EventLike, opts: { named?: boolean } = {}): string {
  const c = event?.changes ?? {};
  // In one object's history the object is "this mailbox" / "this queue"; in an organisation-wide list, its name.
  const label = opts.named && event?.entityLabel ? event.entityLabel : null;
  if (event?.entityType === "mailbox") {
    const self = label ?? "this mailbox";
    const queue = str(c.queue?.to) ?? str(c.queue?.from) ?? str(c.defaultOf?.to) ?? str(c.defaultOf?.from);
    const q = queue ? `the queue “${queue}”` : "a queue";
    if (action === "queue.mailbox_linked")
      return `added ${self} to ${q}${c.defaultOf?.to ? ", as its default sender" : ""}`;
    if (action === "queue.mailbox_unlinked") return `removed ${self} from ${q}`;
    if (action === "queue.default_changed")
      return c.defaultOf?.to
        ? `made ${self} the default sender of ${q}`
        : `made another mailbox the default sender of ${q}`;
    if (action === "mailbox.verification_requested")
      return `asked the platform to verify the forwarding rule of ${self}`;
    if (action === "mailbox.verification_scheduled") return `sent a scheduled forwarding test for ${self}`;
    if (action === "mailbox.verification_verified") return `verified the forwarding rule of ${self}`;
    if (action === "mailbox.verification_failed") return `could not verify the forwarding rule of ${self}`;
    if (action === "mailbox.verification_reply_ignored") {
      return c.reply?.to === "auto_reply"
        ? `received an automatic reply (such as out-of-office) to the forwarding test of ${self}; it does not count as a bounce, and the test goes on`
        : `received a message that is no delivery report at the forwarding test's bounce address of ${self}; it does not count as a bounce, and the test goes on`;
    }
  }
  if (event?.entityType === "user" && action === "user.sign_in_locked") {
    return `locked sign-in for ${event.entityLabel ?? "an account"} after too many failed attempts`;
  }
  if (event?.entityType === "queue") {
    const self = label ? `the queue “${label}”` : "this queue";
    const added = str(c.mailbox?.to);
    const removed = str(c.mailbox?.from);
    if (action === "queue.mailbox_linked")
      return `added ${added ?? "a mailbox"} to ${self}${c.defaultMailbox?.to ? ", as its default sender" : ""}`;
    if (action === "queue.mailbox_unlinked") return `removed ${removed ?? "a mailbox"} from ${self}`;
    if (action === "queue.default_changed")
      return `made ${str(c.defaultMailbox?.to) ?? "another mailbox"} the default sender of ${self}`;
  }
  const sentence = ACTIONS[action] ?? action;
  return label ? `${sentence} ${label}` : sentence;
}

// Form order (S2/S3 first, then lifecycle and queues), so a history reads like the form that made the change.
const ORDER = [
  "name",
  "displayName",
  "address",
  "domain",
  "timezone",
  "language",
  "smartRouting",
  "smartRoutingVersion",
  "endRouting",
  "endRoutingVersion",
  "hasPublished",
  "hasDraft",
  "alias",
  "active",
  "queue",
  "mailbox",
  "defaultMailbox",
  "defaultOf",
  "isDefault",
];

/** An event's field changes in form order. */
export function orderedChanges(changes: EventLike["changes"]): [string, { from: unknown; to: unknown }][] {
  const rank = (k: string) => (ORDER.indexOf(k) < 0 ? ORDER.length : ORDER.indexOf(k));
  return Object.entries(changes).sort(([a], [b]) => rank(a) - rank(b));
}
export function fieldLabel(field: string): string {
  return FIELDS[field] ?? field;
}
export function formatAuditValue(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === "")
    return field === "timezone" || field === "language" ? "Default" : "—";
  if (field === "language" && typeof value === "string") return languageLabel(value);
  if (field === "timezone" && typeof value === "string") return zoneLabel(value);
  // A verification's "why" is stored as a code with parameters: the history reads it in English (the Maker's).
  if (field === "why" && isFailureReason(value)) return describeFailure(value, en, "en");
  if (field === "reply")
    return value === "auto_reply" ? "Automatic reply (fails nothing)" : "Not a delivery report (fails nothing)";
  if (value === true) return "Yes";
  if (value === false) return "No";
  if (value === "production") return "Production";
  if (value === "test") return "Test";
  return String(value);
}
