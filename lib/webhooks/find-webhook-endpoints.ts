import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookEndpoint } from "@/db/schema/webhooks";
import { notFound } from "@/lib/errors";
import { webhookEndpointView, type WebhookEndpointView } from "./webhook-view";

/** The organisation's endpoints (or one: `id`), oldest first, without their secrets. */
export async function findWebhookEndpoints(orgId: string, now = new Date()): Promise<WebhookEndpointView[]> {
  const rows = await getDb()
    .select()
    .from(webhookEndpoint)
    .where(eq(webhookEndpoint.orgId, orgId))
    .orderBy(asc(webhookEndpoint.createdAt), asc(webhookEndpoint.id));
  return rows.map((r) => webhookEndpointView(r, now));
}

export async function getWebhookEndpointOrThrow(
  orgId: string,
  id: string,
  now = new Date(),
): Promise<WebhookEndpointView> {
  const [row] = await getDb()
    .select()
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.orgId, orgId), eq(webhookEndpoint.id, id)));
  if (!row) throw notFound("That webhook endpoint");
  return webhookEndpointView(row, now);
}
