import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { mailbox } from "./mailboxes";
import { organization, ts } from "./organizations";

/** A message that reached a mailbox's alias (R21). Bodies are not stored beyond R23's confirmation. */
export const inboundMessage = pgTable(
  "inbound_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    mailboxId: uuid("mailbox_id").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
    envelopeFrom: text("envelope_from"),
    headerFrom: text("header_from"),
    subject: text("subject"),
    messageId: text("message_id").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    autoSubmitted: boolean("auto_submitted").notNull().default(false),
    // R23: a provider's forwarding confirmation (Gmail's code and link).
    confirmationProvider: text("confirmation_provider"),
    confirmationCode: text("confirmation_code"),
    confirmationUrl: text("confirmation_url"),
  },
  (t) => [
    foreignKey({ name: "inbound_message_mailbox_fk", columns: [t.orgId, t.mailboxId], foreignColumns: [mailbox.orgId, mailbox.id] }).onDelete("cascade"),
    unique("inbound_message_mailbox_message_id_unique").on(t.mailboxId, t.messageId), // R24
    index("inbound_message_mailbox_received_idx").on(t.mailboxId, t.receivedAt),
    check("inbound_message_size", sql`${t.sizeBytes} >= 0`),
  ],
);
