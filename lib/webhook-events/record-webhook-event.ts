import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { WebhookEventType } from "@/db/schema/webhooks";

// H3's outbox (decision 0016). Called by the services inside the transaction of the change, so an event exists if
// and only if its change was committed. This folder imports nothing of lib/ (every service may call it without an
// import loop); the payload, the API's object, is serialised by lib/webhook-delivery at the first attempt.

/**
 * NOTIFY'd with an endpoint's id when the transaction that gave it a delivery commits: the job process starts that
 * endpoint's delivery at once instead of at the next one-minute dispatch (which still finds it if the hint is lost).
 */
export const WEBHOOK_DUE_CHANNEL = "webhook_due";

export type WebhookEventInput = {
  orgId: string;
  type: WebhookEventType;
  /** The mailbox, domain or queue the event is about. */
  subjectId: string;
  /** Facts the subject will not hold any more (a deleted mailbox): sent as `data`. */
  snapshot?: Record<string, unknown>;
};

/**
 * Records one event and its deliveries, to each active endpoint of the organisation subscribed to its type, in
 * one statement. Without such an endpoint nothing is written (an organisation without webhooks pays one index
 * lookup).
 */
export async function recordWebhookEvent(tx: Tx, e: WebhookEventInput): Promise<void> {
  await recordWebhookEvents(tx, [e]);
}

export async function recordWebhookEvents(tx: Tx, events: WebhookEventInput[]): Promise<void> {
  for (const e of events) {
    await tx.execute(sql`
      with target as (
        select id from webhook_endpoint
        where org_id = ${e.orgId}::uuid and active and ${e.type} = any(events)
      ), ev as (
        insert into webhook_event (org_id, type, subject_id, snapshot)
        select ${e.orgId}::uuid, ${e.type}, ${e.subjectId}::uuid, ${e.snapshot ? JSON.stringify(e.snapshot) : null}::jsonb
        where exists (select 1 from target)
        returning id, created_at
      )
      , delivery as (
        insert into webhook_delivery (org_id, endpoint_id, event_id, next_attempt_at)
        select ${e.orgId}::uuid, target.id, ev.id, ev.created_at from target, ev
        returning endpoint_id
      )
      select pg_notify(${WEBHOOK_DUE_CHANNEL}, endpoint_id::text) from (select distinct endpoint_id from delivery) due`);
  }
}
