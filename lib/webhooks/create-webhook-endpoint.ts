import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { organization } from "@/db/schema";
import { webhookEndpoint, type WebhookEventType } from "@/db/schema/webhooks";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { checkWebhookUrl } from "./check-webhook-url";
import { MAX_WEBHOOK_ENDPOINTS } from "./schemas";
import { generateWebhookSecret, sealWebhookSecret } from "./webhook-secret";
import { webhookEndpointView } from "./webhook-view";

/**
 * R48: adds an endpoint (admins only; checked by the action and the API). The secret is returned ONCE; only its
 * sealed form is stored. At most MAX_WEBHOOK_ENDPOINTS per organisation, counted under the organisation's lock.
 */
export async function createWebhookEndpoint(params: {
  orgId: string;
  actorId: string | null;
  url: string;
  events: WebhookEventType[];
}) {
  const url = checkWebhookUrl(params.url);
  const events = [...new Set(params.events)];
  const secret = generateWebhookSecret();
  const sealed = sealWebhookSecret(secret);
  return getDb().transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(eq(organization.id, params.orgId))
      .for("update");
    if (!org) throw notFound("Organisation");
    const [{ n }] = await tx.select({ n: count() }).from(webhookEndpoint).where(eq(webhookEndpoint.orgId, org.id));
    if (n >= MAX_WEBHOOK_ENDPOINTS)
      throw new AppError(
        "LIMIT_REACHED",
        `An organisation can have ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Remove one first.`,
      );
    const [row] = await tx
      .insert(webhookEndpoint)
      .values({
        orgId: org.id,
        url,
        events,
        secretEnc: sealed.enc,
        secretKeyCheck: sealed.keyCheck,
        createdBy: params.actorId,
      })
      .returning();
    await recordAuditEvent(tx, {
      orgId: org.id,
      actorId: params.actorId,
      action: "webhook_endpoint.created",
      entityType: "webhook_endpoint",
      entityId: row.id,
      entityLabel: url,
      changes: { events: { from: null, to: events.join(", ") } },
    });
    return { ...webhookEndpointView(row), secret };
  });
}
