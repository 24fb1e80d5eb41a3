import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { webhookEndpoint } from "@/db/schema/webhooks";
import { notFound } from "@/lib/errors";

/** The organisation's endpoint, locked for the transaction; another organisation's is "not found". */
export async function lockWebhookEndpoint(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.id, id), eq(webhookEndpoint.orgId, orgId)))
    .for("update");
  if (!row) throw notFound("That webhook endpoint");
  return row;
}
