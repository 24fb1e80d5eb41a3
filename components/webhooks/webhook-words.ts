import type { WebhookEventType } from "@/db/schema/webhooks";

// The screen's words for H3: one map per thing (events, delivery outcomes), used by every part of the page.

export const EVENT_LABEL: Record<WebhookEventType | "webhook.test", string> = {
  "mailbox.created": "Mailbox created",
  "mailbox.updated": "Mailbox changed",
  "mailbox.deleted": "Mailbox deleted",
  "mailbox.forwarding.changed": "Forwarding verified, failed or reset",
  "mailbox.health.changed": "Mailbox health changed",
  "domain.sending.changed": "Domain sending status changed",
  "queue.default.changed": "Queue default mailbox changed",
  "webhook.test": "Test event",
};

export const ERROR_LABEL: Record<string, string> = {
  timeout: "No answer within 10 s",
  refused_private_address: "Refused: private or internal address",
  dns_failed: "Host name not found",
  redirect_not_followed: "Redirect not followed",
  connection_failed: "Could not connect",
  http_status: "Refused by the receiver",
  internal_error: "Not sent (platform error)",
};
