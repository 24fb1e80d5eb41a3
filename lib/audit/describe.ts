// How audit events read in a history (R19).
const ACTIONS: Record<string, string> = {
  "organization.defaults_updated": "changed the organisation defaults of",
  "email_domain.added": "added the email domain",
  "email_domain.removed": "removed the email domain",
  "smart_routing.added": "added the smart routing",
  "smart_routing.updated": "changed the smart routing",
  "smart_routing.removed": "removed the smart routing",
  "mailbox.created": "created the mailbox",
  "mailbox.updated": "edited the mailbox",
  "mailbox.activated": "activated the mailbox",
  "mailbox.deactivated": "deactivated the mailbox",
  "mailbox.deleted": "deleted the mailbox",
  "mailbox.verification_requested": "asked to verify forwarding of",
  "mailbox.verification_scheduled": "sent a scheduled forwarding test to",
  "mailbox.verification_verified": "verified forwarding of",
  "mailbox.verification_failed": "could not verify forwarding of",
  "queue.created": "created the queue",
  "queue.renamed": "renamed the queue",
  "queue.removed": "removed the queue",
  "queue.mailbox_linked": "linked a mailbox to the queue",
  "queue.mailbox_unlinked": "unlinked a mailbox from the queue",
  "queue.default_changed": "changed the default mailbox of the queue",
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
  forwarding: "Forwarding",
};

export function describeAuditAction(action: string): string {
  return ACTIONS[action] ?? action;
}
export function fieldLabel(field: string): string {
  return FIELDS[field] ?? field;
}
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value === true) return "Yes";
  if (value === false) return "No";
  if (value === "production") return "Production";
  if (value === "test") return "Test";
  return String(value);
}
