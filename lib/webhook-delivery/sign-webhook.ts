import { Webhook } from "standardwebhooks";

/**
 * Standard Webhooks headers (R50): `webhook-id` (the event's, stable across retries), `webhook-timestamp` (seconds)
 * and `webhook-signature`, one `v1,<base64 HMAC-SHA256 of id.timestamp.body>` per secret, separated by spaces
 * (the current secret, and the previous one during the 24 hours after a roll).
 */
export function signWebhook(secrets: string[], msgId: string, at: Date, body: string): Record<string, string> {
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(msgId, at, body)).join(" "),
  };
}
