import { z } from "zod";
import { idSchema } from "@/lib/validation";

// The sending screens' forms (issue 19): one schema per form, used by zodResolver in the browser and by the
// server action, so that a refusal reads the same on both sides.

/** An address a person types to receive a test email or the DNS records: one address, no display name. */
export const recipientSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address, for example you@yourcompany.com.")
  .max(254, "An email address has at most 254 characters.")
  .refine((v) => !/[\s<>,;]/.test(v), "Enter one address only, without a name or brackets.")
  .pipe(z.email({ error: "Enter a valid email address, for example you@yourcompany.com." }));

/** "Send a test email" on S4 (and on S5 for the queue's default mailbox). */
export const sendTestEmailSchema = z.object({ mailboxId: idSchema, to: recipientSchema });
export type SendTestEmailInput = z.infer<typeof sendTestEmailSchema>;

/** "Send these records to your DNS admin" on a domain's set-up page. */
export const sendDomainRecordsSchema = z.object({ domainId: idSchema, to: recipientSchema });
export type SendDomainRecordsInput = z.infer<typeof sendDomainRecordsSchema>;

/** Check DNS, Set up sending and Rotate key: the domain alone. */
export const domainActionSchema = z.object({ domainId: idSchema });
export type DomainActionInput = z.infer<typeof domainActionSchema>;

/** The client forms' own fields (the ids travel in the action call, not in a field). */
export const recipientFormSchema = z.object({ to: recipientSchema });
export type RecipientFormInput = z.infer<typeof recipientFormSchema>;
