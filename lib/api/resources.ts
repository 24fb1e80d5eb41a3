import { z } from "zod";
import { DOMAIN_SENDING_STATES, RECORD_STATUSES } from "@/db/schema/sending";
import { HEALTH_STATES, STATE_CODES } from "@/lib/mailbox-state/derive-mailbox-state";
import { mailboxFieldsSchema } from "@/lib/mailboxes/schemas";
import { isCleanText } from "@/lib/validation";
import { WEBHOOK_EVENT_TYPES } from "@/db/schema/webhooks";
import { webhookEventsSchema, webhookUrlSchema } from "@/lib/webhooks/schemas";

// The request and response schemas of /api/v1 (R42): the requests are validated with them, the OpenAPI document
// is generated from them (lib/api/openapi.ts), and the contract test checks every answer against that document.
// Request fields reuse the screens' own field schemas (lib/mailboxes/schemas.ts), so a rule is written once.

const fields = mailboxFieldsSchema.shape;
const time = () => z.iso.datetime({ offset: false }).describe("ISO 8601, UTC");
const id = () => z.uuid();

export const problemSchema = z
  .object({
    type: z.string().describe("A URI reference to this problem's documentation."),
    title: z.string(),
    status: z.int(),
    detail: z.string().describe("What went wrong, in the words the screens use."),
    errors: z
      .array(z.object({ field: z.string(), detail: z.string() }))
      .optional()
      .describe("Invalid fields (422)."),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

// ── Domains ────────────────────────────────────────────────────────────────────────────────────────────────
export const domainSchema = z
  .object({
    id: id(),
    name: z.string().describe("The domain, lowercase, e.g. mycompany.com."),
    mailbox_count: z.int().min(0),
    created_at: time(),
    sending: z
      .object({
        state: z.enum(DOMAIN_SENDING_STATES).describe("R36: not_set_up, waiting, ready, at_risk or broken."),
        state_sentence: z.string().describe("The state in a sentence, as Settings shows it."),
        last_checked_at: time().nullable(),
        last_success_at: time().nullable(),
        records: z
          .array(
            z.object({
              purpose: z.enum(["dkim", "dkim_next", "dkim_previous", "dmarc"]),
              type: z.literal("TXT"),
              host: z.string().describe("Relative to the domain, as DNS providers' forms want it."),
              fqdn: z.string().describe("Fully qualified, without the trailing dot."),
              value: z.string().describe("What to publish."),
              required: z.boolean(),
              status: z.enum(RECORD_STATUSES),
              found: z.array(z.string()).describe("What is published at the name when it differs from value."),
              explanation: z.string(),
              checked_at: time().nullable(),
            }),
          )
          .optional()
          .describe("The records to publish and what the last check found (R35); on GET /domains/{id} only."),
      })
      .describe("The domain's sending identity (R34–R39)."),
  })
  .meta({ id: "Domain" });
export const domainListSchema = z.object({ data: z.array(domainSchema) }).meta({ id: "DomainList" });

// ── Mailboxes ──────────────────────────────────────────────────────────────────────────────────────────────
export const mailboxSchema = z
  .object({
    id: id(),
    display_name: z.string(),
    local_part: z.string(),
    domain: z.string().describe("The email domain's name."),
    address: z.string().describe("local_part@domain: the real address customers write to."),
    alias: z.string().describe("The platform address to forward the real address to (never changes, R11)."),
    timezone: z.string().nullable().describe("IANA time zone; null: the organisation's default (R5)."),
    language: z.string().nullable().describe("Language code; null: the organisation's default (R6)."),
    active: z.boolean(),
    forwarding: z
      .object({
        status: z
          .enum(["unknown", "pending", "verified", "failed"])
          .describe("Of the CURRENT address's forwarding rule (R22, R25)."),
        address_changed: z.boolean().describe("An earlier address was verified or tried, not this one (R25)."),
        requested_at: time().nullable().describe("When the latest verification of this address was asked for."),
        verified_at: time().nullable().describe("When this address's rule was last proved."),
        expires_at: time().nullable().describe("While pending: when the verification times out."),
        failure: z
          .object({ reason: z.string(), bounce_kind: z.string().nullable(), bounce_status: z.string().nullable() })
          .nullable()
          .describe("Why the latest verification failed (R27)."),
      })
      .meta({ id: "Forwarding" }),
    health: z
      .object({
        state: z.enum(HEALTH_STATES).describe("R29's level."),
        code: z.enum(STATE_CODES).describe("The precise state, as the badge on the screens shows it."),
        cause: z
          .string()
          .nullable()
          .describe(
            "Why: verification_failed, silent, confirmation_waiting, verification_pending, inactive, never_verified, address_changed.",
          ),
        detail: z.string().nullable().describe("The cause in a sentence, as S1 and S4 show it (times in ISO 8601)."),
      })
      .meta({ id: "Health" }),
    queues: z
      .array(z.object({ id: id(), name: z.string(), is_default: z.boolean() }))
      .describe("The queues it is linked to; is_default: it sends their mail."),
    version: z.int().min(1).describe("Changes with every edit; also the ETag (R12)."),
    created_at: time(),
    updated_at: time(),
  })
  .meta({ id: "Mailbox" });
export type ApiMailbox = z.infer<typeof mailboxSchema>;

export const mailboxPageSchema = z
  .object({
    data: z.array(mailboxSchema),
    next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .meta({ id: "MailboxPage" });

const cleanQuery = z
  .string()
  .max(200, "At most 200 characters.")
  .refine(isCleanText, "Remove line breaks and control characters.");

export const listMailboxesQuery = z.strictObject({
  status: z.enum(["active", "inactive"], { error: "Use active or inactive." }).optional(),
  domain: cleanQuery.optional().describe("Only mailboxes on this domain (its name)."),
  q: cleanQuery.optional().describe("Text in the display name, address or alias."),
  limit: z.coerce
    .number({ error: "Use a whole number from 1 to 100." })
    .int("Use a whole number from 1 to 100.")
    .min(1, "Use a whole number from 1 to 100.")
    .max(100, "Use a whole number from 1 to 100.")
    .optional()
    .describe("1–100, default 25."),
  cursor: z.string().max(200, "This cursor is not valid: use next_cursor from the previous page.").optional(),
});
export type ListMailboxesQuery = z.infer<typeof listMailboxesQuery>;

const timezone = fields.timezone
  .nullable()
  .optional()
  .describe('An IANA time zone; null or "": the organisation\'s default.');
const language = fields.language
  .nullable()
  .optional()
  .describe('en, fr, es, de, nl, it or pt; null or "": the organisation\'s default.');
const domainName = z
  .string({ error: "Choose one of your email domains." })
  .max(253, "Choose one of your email domains.")
  .describe("The domain's name, e.g. mycompany.com: one of the organisation's email domains.");

export const createMailboxBody = z
  .strictObject({
    display_name: fields.displayName,
    local_part: fields.localPart,
    domain: domainName,
    timezone,
    language,
  })
  .meta({ id: "CreateMailbox" });
export type CreateMailboxBody = z.infer<typeof createMailboxBody>;

export const patchMailboxBody = z
  .strictObject({
    display_name: fields.displayName.optional(),
    local_part: fields.localPart.optional(),
    domain: domainName.optional(),
    timezone,
    language,
  })
  .meta({ id: "UpdateMailbox" });
export type PatchMailboxBody = z.infer<typeof patchMailboxBody>;

export const verificationSchema = z
  .object({
    status: z.literal("pending"),
    address: z.string().describe("Where the test message was sent."),
    alias: z.string(),
    requested_at: time(),
    expires_at: time(),
  })
  .meta({ id: "Verification" });

// ── Queues ─────────────────────────────────────────────────────────────────────────────────────────────────
export const queueSummarySchema = z
  .object({
    id: id(),
    name: z.string(),
    mailbox_count: z.int().min(0).max(20),
    default_mailbox_id: id().nullable(),
  })
  .meta({ id: "QueueSummary" });
export const queueListSchema = z.object({ data: z.array(queueSummarySchema) }).meta({ id: "QueueList" });

export const queueSchema = z
  .object({
    id: id(),
    name: z.string(),
    mailbox_count: z.int().min(0).max(20),
    default_mailbox_id: id().nullable(),
    mailboxes: z.array(
      z.object({
        id: id(),
        display_name: z.string(),
        address: z.string(),
        active: z.boolean(),
        is_default: z.boolean(),
        linked_at: time(),
      }),
    ),
    created_at: time(),
    updated_at: time(),
  })
  .meta({ id: "Queue" });

export const setDefaultBody = z
  .strictObject({ mailbox_id: z.uuid({ error: "Choose a mailbox: mailbox_id is its id." }) })
  .meta({ id: "SetDefaultMailbox" });

// ── Webhooks (H3, R48–R52) ─────────────────────────────────────────────────────────────────────────────────
export const webhookEndpointSchema = z
  .object({
    id: id(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    active: z.boolean(),
    paused_reason: z
      .enum(["manual", "failing"])
      .nullable()
      .describe("manual: paused by an admin; failing: every delivery failed for 5 days."),
    previous_secret_expires_at: time().nullable().describe("After a roll: until when the previous secret also signs."),
    created_at: time(),
    updated_at: time(),
  })
  .meta({ id: "WebhookEndpoint" });
export const webhookEndpointWithSecretSchema = webhookEndpointSchema
  .extend({ secret: z.string().describe("The signing secret (whsec_…): shown in this answer only.") })
  .meta({ id: "WebhookEndpointWithSecret" });
export const webhookEndpointListSchema = z
  .object({ data: z.array(webhookEndpointSchema) })
  .meta({ id: "WebhookEndpointList" });
export const createWebhookBody = z
  .strictObject({ url: webhookUrlSchema, events: webhookEventsSchema })
  .meta({ id: "CreateWebhookEndpoint" });
export const patchWebhookBody = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    events: webhookEventsSchema.optional(),
    active: z.boolean({ error: "Use true or false." }).optional(),
  })
  .meta({ id: "UpdateWebhookEndpoint" });
export const webhookDeliverySchema = z
  .object({
    id: id(),
    event_id: z.string().describe("The webhook-id the receiver saw (msg_…)."),
    type: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int().min(0),
    last_status_code: z.int().nullable(),
    last_duration_ms: z.int().nullable(),
    last_error: z
      .string()
      .nullable()
      .describe("timeout, refused_private_address, dns_failed, redirect_not_followed, connection_failed, http_status."),
    next_attempt_at: time().nullable(),
    delivered_at: time().nullable(),
    created_at: time(),
  })
  .meta({ id: "WebhookDelivery" });
export const webhookDeliveryListSchema = z
  .object({ data: z.array(webhookDeliverySchema) })
  .meta({ id: "WebhookDeliveryList" });

const eventOf = (types: readonly string[], data: z.ZodType, name: string) =>
  z
    .object({
      type: z.enum(types as [string, ...string[]]),
      timestamp: time().describe("When the change happened."),
      data,
    })
    .meta({
      id: name,
      description:
        "Signed with Standard Webhooks headers: webhook-id (the same on every retry), webhook-timestamp and webhook-signature.",
    });
const mailboxEvent = eventOf(
  ["mailbox.created", "mailbox.updated", "mailbox.forwarding.changed", "mailbox.health.changed"],
  mailboxSchema,
  "MailboxEvent",
);
const mailboxDeletedEvent = eventOf(
  ["mailbox.deleted"],
  z.object({ id: id(), address: z.string(), alias: z.string(), display_name: z.string(), deleted: z.literal(true) }),
  "MailboxDeletedEvent",
);
/** The events an endpoint receives, each with its body: the OpenAPI document's `webhooks`. */
export const webhookEventSchemas: Record<(typeof WEBHOOK_EVENT_TYPES)[number] | "webhook.test", z.ZodType> = {
  "mailbox.created": mailboxEvent,
  "mailbox.updated": mailboxEvent,
  "mailbox.deleted": mailboxDeletedEvent,
  "mailbox.forwarding.changed": mailboxEvent,
  "mailbox.health.changed": mailboxEvent,
  "domain.sending.changed": eventOf(["domain.sending.changed"], domainSchema, "DomainEvent"),
  "queue.default.changed": eventOf(["queue.default.changed"], queueSchema, "QueueEvent"),
  "webhook.test": eventOf(["webhook.test"], z.object({ endpoint_id: id(), message: z.string() }), "TestEvent"),
};
