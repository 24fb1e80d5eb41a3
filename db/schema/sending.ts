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
import { emailDomain, organization, ts } from "./organizations";

// Sending identity (issue 19, R34–R39, docs/decisions/0014-sending-identity.md).

export const DKIM_KEY_STATES = ["active", "pending", "retired"] as const;
export type DkimKeyState = (typeof DKIM_KEY_STATES)[number];

/**
 * A DKIM key of one organisation's domain (R34). The private key is stored encrypted (AES-256-GCM with the key
 * of DKIM_ENCRYPTION_KEY or .data/dkim-key): a dump of the database alone cannot sign. `key_check` names the
 * encryption key it was sealed with, so a changed key is a clear error, never a silent re-generation.
 * One active key per domain (it signs) and at most one pending (a rotation waiting for its record to verify).
 */
export const domainDkimKey = pgTable(
  "domain_dkim_key",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    domainId: uuid("domain_id").notNull(),
    selector: text("selector").notNull(),
    // base64 of the SubjectPublicKeyInfo DER: exactly the p= of the TXT record.
    publicKey: text("public_key").notNull(),
    // base64 of iv (12) | tag (16) | ciphertext of the PKCS#8 PEM.
    privateKeyEnc: text("private_key_enc").notNull(),
    keyCheck: text("key_check").notNull(),
    state: text("state", { enum: DKIM_KEY_STATES }).notNull(),
    createdAt: ts("created_at").notNull(),
    verifiedAt: ts("verified_at"),
    retiredAt: ts("retired_at"),
  },
  (t) => [
    foreignKey({
      name: "domain_dkim_key_domain_fk",
      columns: [t.orgId, t.domainId],
      foreignColumns: [emailDomain.orgId, emailDomain.id],
    }).onDelete("cascade"),
    unique("domain_dkim_key_selector_unique").on(t.domainId, t.selector),
    uniqueIndex("domain_dkim_key_one_active")
      .on(t.domainId)
      .where(sql`${t.state} = 'active'`),
    uniqueIndex("domain_dkim_key_one_pending")
      .on(t.domainId)
      .where(sql`${t.state} = 'pending'`),
    check("domain_dkim_key_state", sql`${t.state} in ('active', 'pending', 'retired')`),
    check("domain_dkim_key_selector_format", sql`${t.selector} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
  ],
);

export const DOMAIN_SENDING_STATES = ["not_set_up", "waiting", "ready", "at_risk", "broken"] as const;
export type DomainSendingState = (typeof DOMAIN_SENDING_STATES)[number];

export const RECORD_STATUSES = [
  "verified",
  "not_found",
  "wrong_value",
  "could_not_check",
  "not_checked",
  "can_be_removed",
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** One record's result at the last check, stored as codes (the sentence is written on read, R39). */
export type StoredRecordCheck = {
  purpose: "dkim" | "dkim_next" | "dkim_previous" | "dmarc";
  selector?: string;
  fqdn: string;
  status: RecordStatus;
  /** Why, as a code of lib/sending/types.ts `RecordReason`. */
  reason: string;
  /** What was found at the name (each TXT record joined, at most a few, each shortened). */
  found: string[];
  /** DMARC only: the published policy and whether DKIM alignment passes. */
  dmarc?: { policy: string | null; alignment: "relaxed" | "strict"; aligned: boolean | null; rua: string | null };
  checkedAt: string;
};

/**
 * A domain's sending state (R36), one row per domain, changed only by a check. `next_check_at` and `claimed_at`
 * are the schedule and the lease: one check per domain at a time across instances (R37).
 */
export const domainSending = pgTable(
  "domain_sending",
  {
    domainId: uuid("domain_id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    state: text("state", { enum: DOMAIN_SENDING_STATES }).notNull().default("not_set_up"),
    // When the current key set-up started (first key, or a rotation): waiting domains are checked often for an hour.
    waitingSince: ts("waiting_since"),
    lastCheckedAt: ts("last_checked_at"),
    lastSuccessAt: ts("last_success_at"),
    failuresInRow: integer("failures_in_row").notNull().default(0),
    atRiskSince: ts("at_risk_since"),
    brokenSince: ts("broken_since"),
    records: jsonb("records").$type<StoredRecordCheck[]>().notNull().default([]),
    nextCheckAt: ts("next_check_at"),
    claimedAt: ts("claimed_at"),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    foreignKey({
      name: "domain_sending_domain_fk",
      columns: [t.orgId, t.domainId],
      foreignColumns: [emailDomain.orgId, emailDomain.id],
    }).onDelete("cascade"),
    index("domain_sending_due_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.state} in ('waiting', 'ready', 'at_risk')`),
    check("domain_sending_state", sql`${t.state} in ('not_set_up', 'waiting', 'ready', 'at_risk', 'broken')`),
    check("domain_sending_failures", sql`${t.failuresInRow} >= 0`),
  ],
);

export const DOMAIN_ALERT_KINDS = ["broken", "recovered"] as const;

/** One domain alert email to one admin (R37), created with the state change; `dedupe_key` is unique. */
export const domainAlertEmail = pgTable(
  "domain_alert_email",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    domainId: uuid("domain_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DOMAIN_ALERT_KINDS }).notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    createdAt: ts("created_at").notNull(),
    claimedAt: ts("claimed_at"),
    sentAt: ts("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
  },
  (t) => [
    foreignKey({
      name: "domain_alert_email_domain_fk",
      columns: [t.orgId, t.domainId],
      foreignColumns: [emailDomain.orgId, emailDomain.id],
    }).onDelete("cascade"),
    index("domain_alert_email_unsent_idx")
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
    check("domain_alert_email_kind", sql`${t.kind} in ('broken', 'recovered')`),
  ],
);

/** The demo organisation's simulated DNS (issue 19 item 9): never read for any other organisation. */
export const demoDnsRecord = pgTable(
  "demo_dns_record",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: text("type", { enum: ["TXT", "CNAME"] }).notNull(),
    value: text("value").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    unique("demo_dns_record_unique").on(t.orgId, t.name, t.type, t.value),
    index("demo_dns_record_name_idx").on(t.orgId, t.name),
  ],
);

/** Test emails and records mailed to a DNS admin (R38): counted for the limits, kept for the history. */
export const sendingMessage = pgTable(
  "sending_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["test_email", "dns_records"] }).notNull(),
    mailboxId: uuid("mailbox_id"),
    domainId: uuid("domain_id"),
    recipient: text("recipient").notNull(),
    actorId: text("actor_id"),
    sentAt: ts("sent_at").notNull(),
  },
  (t) => [
    index("sending_message_org_idx").on(t.orgId, t.sentAt),
    index("sending_message_recipient_idx").on(t.orgId, t.recipient, t.sentAt),
  ],
);
