import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { mailbox } from "./mailboxes";
import { organization, ts } from "./organizations";

export const INBOUND_KINDS = ["customer", "platform", "provider"] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];
export const PROVIDER_AUTH_RESULTS = ["pass", "fail", "none", "temperror", "demo"] as const;
export type ProviderAuthResult = (typeof PROVIDER_AUTH_RESULTS)[number];

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
    // R26: customer mail, the platform's own (test, automatic) messages coming back, or a provider's messages
    // (forwarding confirmations, bounces). Only customer mail is evidence that customers' mail arrives.
    kind: text("kind", { enum: INBOUND_KINDS }).notNull().default("customer"),
    // R28: the DKIM check of a provider message: pass (d= the provider's domain), fail, none, temperror (not
    // checkable).
    providerAuth: text("provider_auth", { enum: PROVIDER_AUTH_RESULTS }),
    // R23: a provider's forwarding confirmation (Gmail's code and link).
    confirmationProvider: text("confirmation_provider"),
    confirmationCode: text("confirmation_code"),
    confirmationUrl: text("confirmation_url"),
    // The Gmail address that asked to forward to the alias, read once from the confirmation when it is recorded
    // (S4 shows it; reading it again from the stored subject would parse the message a second time).
    confirmationRequestedBy: text("confirmation_requested_by"),
  },
  (t) => [
    foreignKey({
      name: "inbound_message_mailbox_fk",
      columns: [t.orgId, t.mailboxId],
      foreignColumns: [mailbox.orgId, mailbox.id],
    }).onDelete("cascade"),
    unique("inbound_message_mailbox_message_id_unique").on(t.mailboxId, t.messageId), // R24
    index("inbound_message_mailbox_received_idx").on(t.mailboxId, t.receivedAt),
    check("inbound_message_size", sql`${t.sizeBytes} >= 0`),
  ],
);

/**
 * The built-in simulated mail provider of the demo (docs/decisions/0004-demo-mail-provider.md): every message the
 * platform "sends" to a demo-domain address while OUTBOUND_SMTP_URL is unset lands in this outbox, with what the
 * simulated provider did with it. Kept in the database so that every instance sees the same provider.
 */
export const demoProviderMessage = pgTable(
  "demo_provider_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    receivedAt: ts("received_at").notNull().defaultNow(),
    envelopeFrom: text("envelope_from"),
    toAddress: text("to_address").notNull(),
    fromHeader: text("from_header").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    /** kept (in the inbox), forwarded, bounced, confirmation_sent (Gmail-like, the rule waits for its confirmation). */
    outcome: text("outcome").notNull().default("kept"),
    detail: text("detail"),
  },
  (t) => [index("demo_provider_message_received_idx").on(t.receivedAt)],
);

/** The simulated provider's accounts with a forwarding rule: how each behaves, and whether Gmail's is confirmed. */
export const demoProviderAccount = pgTable("demo_provider_account", {
  address: text("address").primaryKey(),
  behaviour: text("behaviour", { enum: ["forwards", "microsoft365_blocks", "gmail_confirmation"] }).notNull(),
  forwardTo: text("forward_to").notNull(),
  confirmedAt: ts("confirmed_at"),
});
