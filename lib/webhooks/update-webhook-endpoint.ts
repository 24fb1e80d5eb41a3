import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookEndpoint, type WebhookEventType } from "@/db/schema/webhooks";
import { diffFields, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { checkWebhookUrl } from "./check-webhook-url";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";
import { webhookEndpointView } from "./webhook-view";

/** R48: changes an endpoint's URL or events; events already recorded keep their deliveries. */
export async function updateWebhookEndpoint(params: {
  orgId: string;
  actorId: string | null;
  id: string;
  url?: string;
  events?: WebhookEventType[];
}) {
  const url = params.url === undefined ? undefined : checkWebhookUrl(params.url);
  const events = params.events === undefined ? undefined : [...new Set(params.events)];
  return getDb().transaction(async (tx) => {
    const current = await lockWebhookEndpoint(tx, params.orgId, params.id);
    const next = { url: url ?? current.url, events: (events ?? current.events).join(", ") };
    const changes = diffFields({ url: current.url, events: current.events.join(", ") }, next);
    if (Object.keys(changes).length === 0) return webhookEndpointView(current);
    const [row] = await tx
      .update(webhookEndpoint)
      .set({ url: next.url, events: events ?? current.events, updatedAt: new Date() })
      .where(and(eq(webhookEndpoint.id, current.id), eq(webhookEndpoint.orgId, params.orgId)))
      .returning();
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "webhook_endpoint.updated",
      entityType: "webhook_endpoint",
      entityId: row.id,
      entityLabel: row.url,
      changes,
    });
    return webhookEndpointView(row);
  });
}
