import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { mailbox } from "./mailboxes";
import { organization, ts } from "./organizations";

export const queue = pgTable(
  "queue",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("queue_org_name_unique").on(t.orgId, t.name),
    unique("queue_org_id_unique").on(t.orgId, t.id),
    check("queue_name_length", sql`char_length(${t.name}) between 1 and 255`),
    check("queue_name_no_controls", sql`${t.name} !~ '[\\x01-\\x1f\\x7f-\\x9f\\u2028\\u2029]'`), // R1
  ],
);

export const queueMailbox = pgTable(
  "queue_mailbox",
  {
    orgId: uuid("org_id").notNull(),
    queueId: uuid("queue_id").notNull(),
    mailboxId: uuid("mailbox_id").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    linkedAt: ts("linked_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "queue_mailbox_pk", columns: [t.queueId, t.mailboxId] }),
    // Same organisation on both ends; a queue's removal unlinks, a linked mailbox cannot be deleted (R14).
    foreignKey({
      name: "queue_mailbox_queue_fk",
      columns: [t.orgId, t.queueId],
      foreignColumns: [queue.orgId, queue.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "queue_mailbox_mailbox_fk",
      columns: [t.orgId, t.mailboxId],
      foreignColumns: [mailbox.orgId, mailbox.id],
    }).onDelete("restrict"),
    // At most one default per queue (R16).
    uniqueIndex("queue_mailbox_one_default")
      .on(t.queueId)
      .where(sql`${t.isDefault}`),
    index("queue_mailbox_mailbox_idx").on(t.mailboxId),
  ],
);
