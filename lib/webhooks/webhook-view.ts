import type { WebhookEndpoint } from "@/db/schema/webhooks";

/** What screens and the API may see of an endpoint: never its secret (shown once, at creation or roll). */
export type WebhookEndpointView = {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  pausedReason: "manual" | "failing" | null;
  previousSecretExpiresAt: Date | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function webhookEndpointView(row: WebhookEndpoint, now = new Date()): WebhookEndpointView {
  const overlap = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    active: row.active,
    pausedReason: row.pausedReason ?? null,
    previousSecretExpiresAt: overlap,
    failingSince: row.failingSince,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
