import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { dateOrNull, date, rows } from "@/db/rows";
import { WEBHOOK_DELIVERY_STATUSES } from "@/db/schema/webhooks";

export const DELIVERY_LOG_SIZE = 100;

const deliveryRow = z.object({
  id: z.string(),
  eventId: z.string(),
  type: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.coerce.number(),
  lastStatusCode: z.coerce.number().nullable(),
  lastDurationMs: z.coerce.number().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: dateOrNull(),
  nextAttemptAt: dateOrNull(),
  deliveredAt: dateOrNull(),
  createdAt: date(),
});
export type WebhookDeliveryView = z.infer<typeof deliveryRow>;

/** R51: an endpoint's last 100 deliveries, newest first (another organisation's endpoint: none). */
export async function findWebhookDeliveries(orgId: string, endpointId: string): Promise<WebhookDeliveryView[]> {
  return rows(
    getDb(),
    sql`select d.id::text as id, e.id::text as "eventId", e.type, d.status, d.attempts, d.last_status_code as "lastStatusCode",
               d.last_duration_ms as "lastDurationMs", d.last_error as "lastError", d.last_attempt_at as "lastAttemptAt",
               d.next_attempt_at as "nextAttemptAt", d.delivered_at as "deliveredAt", d.created_at as "createdAt"
        from webhook_delivery d join webhook_event e on e.id = d.event_id
        where d.org_id = ${orgId}::uuid and d.endpoint_id = ${endpointId}::uuid
        order by d.created_at desc, d.id desc limit ${DELIVERY_LOG_SIZE}`,
    deliveryRow,
  );
}
