import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { emailDomain, organization, smartRouting, ts } from "./organizations";

/** Every alias token ever issued, kept after its mailbox is deleted so that none is issued twice (R11). */
export const aliasToken = pgTable(
  "alias_token",
  {
    token: text("token").primaryKey(),
    orgId: uuid("org_id").notNull(),
    issuedAt: ts("issued_at").notNull().defaultNow(),
  },
  (t) => [check("alias_token_format", sql`${t.token} ~ '^[a-z0-9]{8,64}$'`)],
);

export const ROUTING_VERSIONS = ["production", "test"] as const;
export const FORWARDING_STATUSES = ["unknown", "pending", "verified", "failed"] as const;

export const mailbox = pgTable(
  "mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    localPart: text("local_part").notNull(),
    domainId: uuid("domain_id").notNull(),
    aliasToken: text("alias_token")
      .notNull()
      .unique()
      .references(() => aliasToken.token, { onDelete: "restrict" }),
    timezone: text("timezone"), // null: the organisation's default applies (R5)
    language: text("language"), // null: the organisation's default applies (R6)
    smartRoutingId: uuid("smart_routing_id"),
    smartRoutingVersion: text("smart_routing_version", { enum: ROUTING_VERSIONS }),
    endRoutingId: uuid("end_routing_id"),
    endRoutingVersion: text("end_routing_version", { enum: ROUTING_VERSIONS }),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1), // optimistic concurrency (R12)
    lastReceivedAt: ts("last_received_at"),
    lastReceivedFrom: text("last_received_from"),
    // R26: the newest CUSTOMER mail (not the platform's own test or automatic messages, not a provider's).
    lastCustomerMailAt: ts("last_customer_mail_at"),
    lastCustomerMailFrom: text("last_customer_mail_from"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("mailbox_org_address_unique").on(t.orgId, t.domainId, t.localPart), // R4
    unique("mailbox_org_id_unique").on(t.orgId, t.id),
    // The domain and routings must be the mailbox's own organisation's, and cannot be removed while used (R3, R8, R20).
    foreignKey({
      name: "mailbox_domain_fk",
      columns: [t.orgId, t.domainId],
      foreignColumns: [emailDomain.orgId, emailDomain.id],
    }).onDelete("restrict"),
    foreignKey({
      name: "mailbox_smart_routing_fk",
      columns: [t.orgId, t.smartRoutingId],
      foreignColumns: [smartRouting.orgId, smartRouting.id],
    }).onDelete("restrict"),
    foreignKey({
      name: "mailbox_end_routing_fk",
      columns: [t.orgId, t.endRoutingId],
      foreignColumns: [smartRouting.orgId, smartRouting.id],
    }).onDelete("restrict"),
    check(
      "mailbox_display_name",
      sql`char_length(${t.displayName}) between 1 and 255 and ${t.displayName} = btrim(${t.displayName}) and ${t.displayName} !~ '[\\x01-\\x1f\\x7f-\\x9f\\u2028\\u2029]'`,
    ), // R1
    check(
      "mailbox_local_part",
      sql`char_length(${t.localPart}) <= 64 and ${t.localPart} ~ '^[a-z0-9!#$%&''*+/=?^_\`{|}~-]+(\\.[a-z0-9!#$%&''*+/=?^_\`{|}~-]+)*$'`,
    ), // R2
    check("mailbox_smart_routing_version", sql`(${t.smartRoutingId} is null) = (${t.smartRoutingVersion} is null)`), // R8
    check("mailbox_end_routing_version", sql`(${t.endRoutingId} is null) = (${t.endRoutingVersion} is null)`), // R9
    check("mailbox_version_positive", sql`${t.version} >= 1`),
    index("mailbox_org_idx").on(t.orgId, t.createdAt),
  ],
);

/**
 * A request to prove ONE address → alias rule (R22, R25): the address the test message was sent to is kept, and
 * the mailbox's status is derived from its latest verification for its CURRENT address. A verification is
 * pending until it is verified (its token came back through the alias) or failed (a bounce, R27; its timeout,
 * settled when next read; the address changed). At most one is pending per mailbox (R32), said by the database.
 */
export const VERIFICATION_FAILURES = ["timeout", "bounce", "address_changed", "provider_held"] as const;
export const forwardingVerification = pgTable(
  "forwarding_verification",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    mailboxId: uuid("mailbox_id").notNull(),
    token: text("token").notNull().unique(),
    /** The mailbox's real address the test message was sent to (R25). */
    address: text("address").notNull(),
    requestedBy: text("requested_by"),
    /** Asked by the platform itself (scheduled re-verification), not by an administrator. */
    automatic: boolean("automatic").notNull().default(false),
    requestedAt: ts("requested_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    verifiedAt: ts("verified_at"),
    failedAt: ts("failed_at"),
    failureReason: text("failure_reason", { enum: VERIFICATION_FAILURES }),
    /** R27: the provider's own status line (e.g. "550 5.7.520 Access denied … AS(7555)") and what it means. */
    bounceStatus: text("bounce_status"),
    bounceKind: text("bounce_kind"),
  },
  (t) => [
    foreignKey({
      name: "forwarding_verification_mailbox_fk",
      columns: [t.orgId, t.mailboxId],
      foreignColumns: [mailbox.orgId, mailbox.id],
    }).onDelete("cascade"),
    index("forwarding_verification_mailbox_idx").on(t.mailboxId, t.requestedAt),
    // R32: one pending verification per mailbox, whatever the code checks.
    uniqueIndex("forwarding_verification_one_pending")
      .on(t.mailboxId)
      .where(sql`${t.verifiedAt} is null and ${t.failedAt} is null`),
    // R32: the daily caps count per organisation and per recipient address.
    index("forwarding_verification_org_requested_idx").on(t.orgId, t.requestedAt),
    index("forwarding_verification_address_requested_idx").on(t.address, t.requestedAt),
    check("forwarding_verification_failure", sql`(${t.failedAt} is null) = (${t.failureReason} is null)`),
  ],
);
