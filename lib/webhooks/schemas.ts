import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/db/schema/webhooks";
import { idSchema } from "@/lib/validation";

// The Settings "Webhooks" forms (H3) and the API's bodies: one schema each, used by the dialog and the server.

export const webhookUrlSchema = z
  .string({ error: "Enter the URL that receives the events." })
  .trim()
  .min(1, "Enter the URL that receives the events.")
  .max(2000, "Use a URL of at most 2,000 characters.")
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "Enter a full URL starting with https://.");

export const webhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose events from the list." }), {
    error: "Choose at least one event.",
  })
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENT_TYPES.length, "Choose events from the list.");

export const createWebhookSchema = z.object({ url: webhookUrlSchema, events: webhookEventsSchema });
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;
export const updateWebhookSchema = z.object({
  id: idSchema,
  url: webhookUrlSchema.optional(),
  events: webhookEventsSchema.optional(),
});
export const webhookIdSchema = z.object({ id: idSchema });
export const setWebhookActiveSchema = z.object({ id: idSchema, active: z.boolean() });
export const resendDeliverySchema = z.object({ endpointId: idSchema, deliveryId: idSchema });

/** An organisation has at most this many endpoints. */
export const MAX_WEBHOOK_ENDPOINTS = 10;
/** After a roll, the previous secret keeps signing alongside the new one this long. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;
