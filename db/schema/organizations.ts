import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const organization = pgTable(
  "organization",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    // The alias host label: <token>@<slug>.<platform mail domain>.
    slug: text("slug").notNull().unique(),
    timezone: text("timezone").notNull(),
    language: text("language").notNull(),
    smartLicence: boolean("smart_licence").notNull().default(false),
    mailboxLimit: integer("mailbox_limit").notNull().default(50),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("organization_slug_format", sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'`),
    check("organization_mailbox_limit_range", sql`${t.mailboxLimit} between 0 and 50`),
  ],
);

export const membership = pgTable(
  "membership",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["admin", "agent"] }).notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** S1's column chooser (H6 item 2): the optional columns this member hid, remembered per admin. */
    listHiddenColumns: text("list_hidden_columns")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    unique("membership_org_user_unique").on(t.orgId, t.userId),
    check("membership_role_valid", sql`${t.role} in ('admin', 'agent')`),
    check(
      "membership_list_hidden_columns_known",
      sql`${t.listHiddenColumns} <@ array['queues', 'smartRouting', 'lastReceived']::text[]`,
    ),
  ],
);

export const emailDomain = pgTable(
  "email_domain",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("email_domain_org_domain_unique").on(t.orgId, t.domain),
    // Target of the composite foreign keys that keep a mailbox on its own organisation's domain.
    unique("email_domain_org_id_unique").on(t.orgId, t.id),
    check(
      "email_domain_hostname",
      sql`length(${t.domain}) <= 253 and ${t.domain} ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$'`,
    ),
  ],
);

export const smartRouting = pgTable(
  "smart_routing",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    hasPublished: boolean("has_published").notNull().default(false),
    hasDraft: boolean("has_draft").notNull().default(true),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("smart_routing_org_name_unique").on(t.orgId, t.name),
    unique("smart_routing_org_id_unique").on(t.orgId, t.id),
    check("smart_routing_name_length", sql`char_length(${t.name}) between 1 and 255`),
    check("smart_routing_name_no_controls", sql`${t.name} !~ '[\\x01-\\x1f\\x7f-\\x9f\\u2028\\u2029]'`), // R1
  ],
);
