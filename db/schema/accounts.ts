import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { membership, organization } from "./organizations";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * R47: who receives the organisation's alert emails when the admins chose members (no row: every admin). Each
 * row is a membership of the same organisation (composite foreign key), so a removed member stops receiving them.
 */
export const alertRecipient = pgTable(
  "alert_recipient",
  {
    orgId: uuid("org_id").notNull(),
    userId: text("user_id").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({
      columns: [t.orgId, t.userId],
      foreignColumns: [membership.orgId, membership.userId],
      name: "alert_recipient_membership_fk",
    }).onDelete("cascade"),
  ],
);

/**
 * R32 (issue 20 item 2): every test message the platform sends to a recipient, counted per (organisation,
 * normalised address) and across organisations. `recipient_key` is the normalised address (case, `+tag`, Gmail
 * dots), never shown. `kind`: forwarding_verification or test_email (the sending identity's test message).
 */
export const testMessageRecipient = pgTable(
  "test_message_recipient",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    recipientKey: text("recipient_key").notNull(),
    kind: text("kind", { enum: ["forwarding_verification", "test_email"] }).notNull(),
    sentAt: ts("sent_at").notNull(),
  },
  (t) => [
    index("test_message_recipient_key_idx").on(t.recipientKey, t.sentAt),
    index("test_message_recipient_org_key_idx").on(t.orgId, t.recipientKey, t.sentAt),
    check("test_message_recipient_kind", sql`${t.kind} in ('forwarding_verification', 'test_email')`),
  ],
);

/**
 * The demo provider's forwarding rules (issue 21 item 1, decision 0004): one per address of the demo
 * organisation's domains, made by the admin's click ("Create this rule in the demo provider") or by the seed.
 * `provider` decides what the simulated provider does: generic forwards; gmail asks for its confirmation first;
 * microsoft365 bounces with 5.7.520 until the admin allows external forwarding.
 */
export const demoForwardingRule = pgTable(
  "demo_forwarding_rule",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    address: text("address").notNull(),
    provider: text("provider", { enum: ["gmail", "microsoft365", "generic"] }).notNull(),
    forwardTo: text("forward_to").notNull(),
    externalForwardingAllowed: boolean("external_forwarding_allowed").notNull().default(false),
    confirmedAt: ts("confirmed_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** Removed by the admin on the demo provider page: kept, so that the seed does not bring it back. */
    removedAt: ts("removed_at"),
  },
  (t) => [
    unique("demo_forwarding_rule_address_unique").on(t.address),
    check("demo_forwarding_rule_provider", sql`${t.provider} in ('gmail', 'microsoft365', 'generic')`),
    check("demo_forwarding_rule_address_lower", sql`${t.address} = lower(${t.address}) and ${t.address} like '%_@_%'`),
  ],
);
