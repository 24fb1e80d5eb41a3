import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookEndpoint } from "@/db/schema/webhooks";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";
import { SECRET_OVERLAP_MS } from "./schemas";
import { generateWebhookSecret, sealWebhookSecret } from "./webhook-secret";
import { webhookEndpointView } from "./webhook-view";

/**
 * R48: a new signing secret, returned ONCE. The current one keeps signing alongside it for 24 hours (both
 * signatures in `webhook-signature`), so the receiver can switch without losing an event.
 */
export async function rollWebhookSecret(params: { orgId: string; actorId: string | null; id: string; now?: Date }) {
  const now = params.now ?? new Date();
  const secret = generateWebhookSecret();
  const sealed = sealWebhookSecret(secret);
  return getDb().transaction(async (tx) => {
    const current = await lockWebhookEndpoint(tx, params.orgId, params.id);
    const [row] = await tx
      .update(webhookEndpoint)
      .set({
        secretEnc: sealed.enc,
        secretKeyCheck: sealed.keyCheck,
        previousSecretEnc: current.secretEnc,
        previousSecretKeyCheck: current.secretKeyCheck,
        previousSecretExpiresAt: new Date(now.getTime() + SECRET_OVERLAP_MS),
        updatedAt: now,
      })
      .where(and(eq(webhookEndpoint.id, current.id), eq(webhookEndpoint.orgId, params.orgId)))
      .returning();
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "webhook_endpoint.secret_rolled",
      entityType: "webhook_endpoint",
      entityId: row.id,
      entityLabel: row.url,
    });
    return { ...webhookEndpointView(row, now), secret };
  });
}
