import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookEndpoint } from "@/db/schema/webhooks";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";

/** R48: removes an endpoint with its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(params: { orgId: string; actorId: string | null; id: string }) {
  return getDb().transaction(async (tx) => {
    const current = await lockWebhookEndpoint(tx, params.orgId, params.id);
    await tx
      .delete(webhookEndpoint)
      .where(and(eq(webhookEndpoint.id, current.id), eq(webhookEndpoint.orgId, params.orgId)));
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "webhook_endpoint.deleted",
      entityType: "webhook_endpoint",
      entityId: current.id,
      entityLabel: current.url,
      changes: { url: { from: current.url, to: null } },
    });
  });
}
