import "server-only";
import { getDb } from "@/db";
import { webhookDelivery, webhookEvent, WEBHOOK_TEST_EVENT } from "@/db/schema/webhooks";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";

/** R51 "Send test event": a `webhook.test` event to this endpoint alone, delivered like any other (even paused). */
export async function sendTestWebhook(params: { orgId: string; id: string; now?: Date }) {
  const now = params.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const endpoint = await lockWebhookEndpoint(tx, params.orgId, params.id);
    const [event] = await tx
      .insert(webhookEvent)
      .values({
        orgId: params.orgId,
        type: WEBHOOK_TEST_EVENT,
        subjectId: endpoint.id,
        snapshot: { endpoint_id: endpoint.id, message: "A test event sent from Settings." },
        createdAt: now,
      })
      .returning({ id: webhookEvent.id });
    const [delivery] = await tx
      .insert(webhookDelivery)
      .values({ orgId: params.orgId, endpointId: endpoint.id, eventId: event.id, nextAttemptAt: now, createdAt: now })
      .returning({ id: webhookDelivery.id });
    return { eventId: event.id, deliveryId: delivery.id };
  });
}
