import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookEndpoint } from "@/db/schema/webhooks";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";
import { webhookEndpointView } from "./webhook-view";

/**
 * R48: pauses or resumes an endpoint. A paused endpoint receives no new events; its pending deliveries wait and
 * go out on resume. Resuming forgets the failing streak (R50's 5 days start again).
 */
export async function setWebhookEndpointActive(params: {
  orgId: string;
  actorId: string | null;
  id: string;
  active: boolean;
}) {
  return getDb().transaction(async (tx) => {
    const current = await lockWebhookEndpoint(tx, params.orgId, params.id);
    if (current.active === params.active) return webhookEndpointView(current);
    const [row] = await tx
      .update(webhookEndpoint)
      .set({
        active: params.active,
        pausedReason: params.active ? null : "manual",
        failingSince: null,
        updatedAt: new Date(),
      })
      .where(and(eq(webhookEndpoint.id, current.id), eq(webhookEndpoint.orgId, params.orgId)))
      .returning();
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: params.active ? "webhook_endpoint.resumed" : "webhook_endpoint.paused",
      entityType: "webhook_endpoint",
      entityId: row.id,
      entityLabel: row.url,
      changes: { active: { from: current.active, to: params.active } },
    });
    return webhookEndpointView(row);
  });
}
