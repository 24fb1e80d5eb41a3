import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { forwardingVerification, mailbox } from "./mailboxes";
import { organization, ts } from "./organizations";
import type { FailureReason } from "../../lib/mailbox-state/failure-reason";

export const CHECK_REASONS = ["schedule", "silence"] as const;

/**
 * An automatic re-verification the scheduler decided on (R29): one per mailbox and slot, whatever the number of
 * instances ticking (unique constraint), worked once (claimed by an atomic update), and kept as the timeline's
 * record of why a check ran.
 */
export const forwardingCheck = pgTable(
  "forwarding_check",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    mailboxId: uuid("mailbox_id").notNull(),
    reason: text("reason", { enum: CHECK_REASONS }).notNull(),
    // The schedule slot (reason "schedule") or the start of the silence (reason "silence") it answers.
    slot: ts("slot").notNull(),
    createdAt: ts("created_at").notNull(),
    claimedAt: ts("claimed_at"),
    doneAt: ts("done_at"),
    verificationId: uuid("verification_id").references(() => forwardingVerification.id, { onDelete: "set null" }),
    error: text("error"),
  },
  (t) => [
    foreignKey({
      name: "forwarding_check_mailbox_fk",
      columns: [t.orgId, t.mailboxId],
      foreignColumns: [mailbox.orgId, mailbox.id],
    }).onDelete("cascade"),
    unique("forwarding_check_mailbox_slot_unique").on(t.mailboxId, t.reason, t.slot),
    index("forwarding_check_open_idx")
      .on(t.createdAt)
      .where(sql`${t.doneAt} is null`),
    index("forwarding_check_mailbox_idx").on(t.mailboxId, t.createdAt),
    check("forwarding_check_reason", sql`${t.reason} in ('schedule', 'silence')`),
  ],
);

/** "No mail since …" (R29): one flag per silence, keyed by the last customer message before it. */
export const mailboxSilence = pgTable(
  "mailbox_silence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    mailboxId: uuid("mailbox_id").notNull(),
    since: ts("since").notNull(),
    medianGapSeconds: integer("median_gap_seconds").notNull(),
    flaggedAt: ts("flagged_at").notNull(),
  },
  (t) => [
    foreignKey({
      name: "mailbox_silence_mailbox_fk",
      columns: [t.orgId, t.mailboxId],
      foreignColumns: [mailbox.orgId, mailbox.id],
    }).onDelete("cascade"),
    unique("mailbox_silence_mailbox_since_unique").on(t.mailboxId, t.since),
  ],
);

/** `reason`: a code with its parameters (lib/mailbox-state/failure-reason.ts), rendered in the reader's language. */
export type IncidentCause =
  | { kind: "verification_failed"; at: string; reason: FailureReason | null }
  | { kind: "silent"; since: string }
  | { kind: "confirmation_waiting" };

/**
 * A period during which a mailbox needed attention (R29). At most one open incident per mailbox (partial unique
 * index): whoever inserts it owns its alerts, so several instances raise one incident and one set of emails.
 */
export const healthIncident = pgTable(
  "health_incident",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    mailboxId: uuid("mailbox_id").notNull(),
    cause: jsonb("cause").$type<IncidentCause>().notNull(),
    openedAt: ts("opened_at").notNull(),
    resolvedAt: ts("resolved_at"),
    // "recovered" (healthy again: a recovery email) or "withdrawn" (deactivated, address changed: no email).
    resolution: text("resolution", { enum: ["recovered", "withdrawn"] }),
  },
  (t) => [
    foreignKey({
      name: "health_incident_mailbox_fk",
      columns: [t.orgId, t.mailboxId],
      foreignColumns: [mailbox.orgId, mailbox.id],
    }).onDelete("cascade"),
    uniqueIndex("health_incident_one_open")
      .on(t.mailboxId)
      .where(sql`${t.resolvedAt} is null`),
    index("health_incident_org_idx").on(t.orgId, t.openedAt),
    check("health_incident_resolution", sql`(${t.resolvedAt} is null) = (${t.resolution} is null)`),
  ],
);

export const ALERT_KINDS = ["opened", "recovered", "digest_opened", "digest_recovered"] as const;

/** One alert email to one admin (R29), created with its incident(s) in one transaction; `dedupe_key` is unique. */
export const alertEmail = pgTable(
  "alert_email",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ALERT_KINDS }).notNull(),
    incidentIds: jsonb("incident_ids").$type<string[]>().notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    createdAt: ts("created_at").notNull(),
    claimedAt: ts("claimed_at"),
    sentAt: ts("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
  },
  (t) => [
    index("alert_email_unsent_idx")
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);
