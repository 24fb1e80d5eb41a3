import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookDelivery } from "@/db/schema/webhooks";
import { AppError, notFound } from "@/lib/errors";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";

/**
 * R51 "Resend": a failed delivery is tried again now, with the same event, body and webhook-id (the receiver can
 * drop it if it had it). Its retry schedule starts again.
 */
export async function resendWebhookDelivery(params: {
  orgId: string;
  endpointId: string;
  deliveryId: string;
  now?: Date;
}) {
  const now = params.now ?? new Date();
  return getDb().transaction(async (tx) => {
    await lockWebhookEndpoint(tx, params.orgId, params.endpointId);
    const scope = and(
      eq(webhookDelivery.id, params.deliveryId),
      eq(webhookDelivery.orgId, params.orgId),
      eq(webhookDelivery.endpointId, params.endpointId),
    );
    const [current] = await tx
      .select({ status: webhookDelivery.status })
      .from(webhookDelivery)
      .where(scope)
      .for("update");
    if (!current) throw notFound("That delivery");
    if (current.status !== "failed") throw new AppError("CONFLICT", "Only a failed delivery can be sent again.");
    await tx
      .update(webhookDelivery)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, leasedUntil: null })
      .where(scope);
  });
}
