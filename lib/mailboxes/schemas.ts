import { z } from "zod";
import { LANGUAGE_CODES, isTimeZone } from "@/lib/org/locale";
import { idSchema, singleLineText } from "@/lib/validation";

// The mailbox form (S2, S3): one schema for react-hook-form in the browser and the server action.
// Values are the form's strings; "" means "Default" (timezone, language) or "None" (routings).

const ATEXT = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/;

/** R2: lowercase only, an RFC 5322 dot-atom, at most 64 characters; one message at a time, most useful first. */
export const localPartSchema = z.string({ error: "Enter the part before the @." }).superRefine((v, ctx) => {
  const issue = (message: string) => ctx.addIssue({ code: "custom", message });
  if (v.length === 0) return issue("Enter the part before the @, for example support.");
  if (v !== v.toLowerCase()) return issue("Use lowercase letters only: email addresses are stored in lowercase.");
  if (/\s/.test(v)) return issue("Spaces are not allowed in an email address.");
  if (v.includes("@")) return issue("Enter only the part before the @; choose the domain below.");
  if (v.length > 64) return issue(`At most 64 characters (this one has ${v.length}).`);
  if (v.startsWith(".") || v.endsWith(".")) return issue("An email address cannot start or end with a dot.");
  if (v.includes("..")) return issue("An email address cannot contain two dots in a row.");
  if (!v.split(".").every((atom) => ATEXT.test(atom)))
    return issue("Use letters, digits, dots and ! # $ % & ' * + / = ? ^ _ ` { | } ~ - only.");
});

const optionalId = z.union([z.literal(""), idSchema], { error: "Choose one from the list." });
const versionSchema = z.enum(["", "production", "test"], { error: "Choose Production or Test." });

export const mailboxFieldsSchema = z
  .object({
    displayName: singleLineText("Display name"),
    localPart: localPartSchema,
    domainId: z.uuid({ error: "Choose one of your email domains." }),
    timezone: z
      .string({ error: "Choose a time zone from the list." })
      .max(64, "Choose a time zone from the list.")
      .refine((v) => v === "" || isTimeZone(v), "Choose a time zone from the list."),
    language: z.enum(["", ...LANGUAGE_CODES], { error: "Choose one of the supported languages." }),
    routing: z.literal("smart", { error: "Only Smart Routing is available." }), // R7
    smartRoutingId: optionalId,
    smartRoutingVersion: versionSchema,
    endRoutingId: optionalId,
    endRoutingVersion: versionSchema,
  })
  .superRefine((v, ctx) => {
    // R8, R9: a version is required when a routing is chosen (a version without a routing is cleared).
    if (v.smartRoutingId && !v.smartRoutingVersion)
      ctx.addIssue({ code: "custom", path: ["smartRoutingVersion"], message: "Choose Production or Test." });
    if (v.endRoutingId && !v.endRoutingVersion)
      ctx.addIssue({ code: "custom", path: ["endRoutingVersion"], message: "Choose Production or Test." });
  });
export type MailboxFields = z.infer<typeof mailboxFieldsSchema>;

export const MAILBOX_FORM_FIELDS = [
  "displayName",
  "localPart",
  "domainId",
  "timezone",
  "language",
  "routing",
  "smartRoutingId",
  "smartRoutingVersion",
  "endRoutingId",
  "endRoutingVersion",
] as const;

export const createMailboxSchema = mailboxFieldsSchema;
export const updateMailboxSchema = z.intersection(
  mailboxFieldsSchema,
  z.object({ id: idSchema, version: z.number({ error: "Reload the page." }).int().min(1) }),
);
export type UpdateMailboxInput = z.infer<typeof updateMailboxSchema>;
export const mailboxIdSchema = z.object({ id: idSchema });

export const EMPTY_MAILBOX_FIELDS: MailboxFields = {
  displayName: "",
  localPart: "",
  domainId: "",
  timezone: "",
  language: "",
  routing: "smart",
  smartRoutingId: "",
  smartRoutingVersion: "",
  endRoutingId: "",
  endRoutingVersion: "",
};

/** S1's bulk actions: several mailboxes at once, each one through the single-mailbox service. */
/** S1's bulk Activate, and bulk Deactivate (H6 item 4): a dry run, then the run, then its Undo from its receipt. */
export const bulkIdsSchema = z.object({ ids: z.array(idSchema).min(1, "Select at least one mailbox.").max(50) });
export const undoDeactivationSchema = z.object({
  receipt: z
    .array(z.object({ id: idSchema, version: z.number().int().positive() }))
    .min(1)
    .max(50),
});
export const bulkLinkToQueueSchema = z.object({
  ids: z.array(idSchema).min(1, "Select at least one mailbox.").max(50),
  queueId: idSchema,
});

/** S4's one-click fixes: make another mailbox the default of a queue, or unlink from queues before a delete. */
export const removeFromQueuesSchema = z.object({
  id: idSchema,
  queues: z
    .array(z.object({ queueId: idSchema, successorId: idSchema.nullable().optional() }))
    .min(1)
    .max(100),
});

/** S2/S3's Queues field: the queues the mailbox should be linked to, and where it should be the default sender. */
export const queueChoicesSchema = z.array(z.object({ queueId: idSchema, makeDefault: z.boolean() })).max(100);
export type QueueChoice = z.infer<typeof queueChoicesSchema>[number];
export const createMailboxWithQueuesSchema = z.intersection(
  createMailboxSchema,
  z.object({ queues: queueChoicesSchema.optional() }),
);
export const updateMailboxWithQueuesSchema = z.intersection(
  updateMailboxSchema,
  z.object({ queues: queueChoicesSchema.optional() }),
);
