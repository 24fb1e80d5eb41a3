import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { organization, ts } from "./organizations";

/** The events an endpoint can subscribe to (H3). `webhook.test` is sent only by "Send test event". */
export const WEBHOOK_EVENT_TYPES = [
  "mailbox.created",
  "mailbox.updated",
  "mailbox.deleted",
  "mailbox.forwarding.changed",
  "mailbox.health.changed",
  "domain.sending.changed",
  "queue.default.changed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const WEBHOOK_TEST_EVENT = "webhook.test" as const;

export const WEBHOOK_PAUSE_REASONS = ["manual", "failing"] as const;
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * An organisation's webhook endpoint (H3, decision 0016). The signing secret is sealed like the DKIM keys (R34);
 * after a roll the previous secret keeps signing alongside until `previous_secret_expires_at` (24 hours).
 * `failing_since`: the first failed attempt since the last success; 5 days of it pause the endpoint.
 */
export const webhookEndpoint = pgTable(
  "webhook_endpoint",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    active: boolean("active").notNull().default(true),
    pausedReason: text("paused_reason", { enum: WEBHOOK_PAUSE_REASONS }),
    secretEnc: text("secret_enc").notNull(),
    secretKeyCheck: text("secret_key_check").notNull(),
    previousSecretEnc: text("previous_secret_enc"),
    previousSecretKeyCheck: text("previous_secret_key_check"),
    previousSecretExpiresAt: ts("previous_secret_expires_at"),
    failingSince: ts("failing_since"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("webhook_endpoint_org_idx").on(t.orgId, t.createdAt),
    check("webhook_endpoint_url_length", sql`char_length(${t.url}) between 8 and 2000`),
    check("webhook_endpoint_url_scheme", sql`${t.url} ~ '^https?://'`),
    check("webhook_endpoint_events_nonempty", sql`cardinality(${t.events}) between 1 and 20`),
    check(
      "webhook_endpoint_paused_reason",
      sql`(${t.active} and ${t.pausedReason} is null) or (not ${t.active} and ${t.pausedReason} in ('manual', 'failing'))`,
    ),
  ],
);

/**
 * The outbox (H3): one row per event, written in the transaction of the change that causes it, and only when an
 * active endpoint of the organisation subscribes to its type. `payload` ({type, timestamp, data}) is frozen at its
 * first delivery attempt, so every retry and resend sends the same bytes under the same webhook-id.
 */
export const webhookEvent = pgTable(
  "webhook_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    subjectId: uuid("subject_id"),
    /** Facts the subject no longer holds (a deleted mailbox's id and address). */
    snapshot: jsonb("snapshot"),
    /** The exact body sent (text, so that every attempt sends the same bytes). */
    payload: text("payload"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("webhook_event_org_idx").on(t.orgId, t.createdAt)],
);

/** One event to one endpoint: its attempts, the last answer, and when it is tried next (null: no more). */
export const webhookDelivery = pgTable(
  "webhook_delivery",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoint.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => webhookEvent.id, { onDelete: "cascade" }),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    leasedUntil: ts("leased_until"),
    lastStatusCode: integer("last_status_code"),
    lastDurationMs: integer("last_duration_ms"),
    /** A code (timeout, refused_private_address, redirect, connection_failed, http_status…), never English. */
    lastError: text("last_error"),
    lastAttemptAt: ts("last_attempt_at"),
    deliveredAt: ts("delivered_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("webhook_delivery_endpoint_event").on(t.endpointId, t.eventId),
    index("webhook_delivery_endpoint_idx").on(t.endpointId, t.createdAt),
    index("webhook_delivery_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    check("webhook_delivery_status_valid", sql`${t.status} in ('pending', 'delivered', 'failed')`),
    check("webhook_delivery_pending_has_time", sql`(${t.status} = 'pending') = (${t.nextAttemptAt} is not null)`),
  ],
);
export type WebhookEndpoint = typeof webhookEndpoint.$inferSelect;
