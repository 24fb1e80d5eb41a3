import { z } from "zod";
import { LANGUAGE_CODES, isTimeZone } from "@/lib/org/locale";
import { idSchema, singleLineText } from "@/lib/validation";

export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .max(64, "Choose a time zone from the list.")
  .refine(isTimeZone, "Choose a time zone from the list.");

export const languageSchema = z.enum(LANGUAGE_CODES, { error: "Choose one of the supported languages." });

export const orgDefaultsSchema = z.object({ timezone: timeZoneSchema, language: languageSchema });
export type OrgDefaults = z.infer<typeof orgDefaultsSchema>;

const HOST_LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
const HOSTNAME = new RegExp(`^(${HOST_LABEL}\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`);

export const emailDomainSchema = z.object({
  domain: z
    .string({ error: "Enter a domain." })
    .trim()
    .min(1, "Enter a domain, for example mycompany.com.")
    .max(253, "A domain has at most 253 characters.")
    .refine((v) => v === v.toLowerCase(), "Use lowercase letters only.")
    .refine((v) => HOSTNAME.test(v), "Enter a valid domain name, for example mycompany.com."),
});
export type EmailDomainInput = z.infer<typeof emailDomainSchema>;

export const smartRoutingSchema = z
  .object({
    name: singleLineText("Name"),
    hasPublished: z.boolean(),
    hasDraft: z.boolean(),
  })
  .refine((v) => v.hasPublished || v.hasDraft, {
    message: "A smart routing has a published version, a draft version, or both.",
    path: ["hasDraft"],
  });
export type SmartRoutingInput = z.infer<typeof smartRoutingSchema>;

export const updateSmartRoutingSchema = z.intersection(z.object({ id: idSchema }), smartRoutingSchema);
export const removeByIdSchema = z.object({ id: idSchema });
