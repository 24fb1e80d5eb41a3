"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/action-client";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";
import { rollWebhookSecret } from "@/lib/webhooks/roll-webhook-secret";
import {
  createWebhookSchema,
  resendDeliverySchema,
  setWebhookActiveSchema,
  webhookIdSchema,
} from "@/lib/webhooks/schemas";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { setWebhookEndpointActive } from "@/lib/webhooks/set-webhook-endpoint-active";

const PAGE = "/maker/settings/webhooks";

/** Settings → Webhooks → Add endpoint (R48): the secret is in this answer and nowhere else, ever. */
export const createWebhookAction = adminAction.inputSchema(createWebhookSchema).action(async ({ parsedInput, ctx }) => {
  const ep = await createWebhookEndpoint({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
  revalidatePath(PAGE);
  return { ok: true as const, id: ep.id, url: ep.url, secret: ep.secret };
});

/** Roll secret (R48): the new secret, shown once; the old one signs alongside for 24 hours. */
export const rollWebhookSecretAction = adminAction.inputSchema(webhookIdSchema).action(async ({ parsedInput, ctx }) => {
  const ep = await rollWebhookSecret({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id });
  revalidatePath(PAGE);
  return { ok: true as const, secret: ep.secret };
});

export const setWebhookActiveAction = adminAction
  .inputSchema(setWebhookActiveSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setWebhookEndpointActive({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
    revalidatePath(PAGE);
    return { ok: true as const };
  });

export const deleteWebhookAction = adminAction.inputSchema(webhookIdSchema).action(async ({ parsedInput, ctx }) => {
  await deleteWebhookEndpoint({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id });
  revalidatePath(PAGE);
  return { ok: true as const };
});

/** Send test event (R51): queued for the next delivery round, shown in the log. */
export const sendTestWebhookAction = adminAction.inputSchema(webhookIdSchema).action(async ({ parsedInput, ctx }) => {
  await sendTestWebhook({ orgId: ctx.orgId, id: parsedInput.id });
  revalidatePath(PAGE);
  return { ok: true as const };
});

export const resendWebhookAction = adminAction
  .inputSchema(resendDeliverySchema)
  .action(async ({ parsedInput, ctx }) => {
    await resendWebhookDelivery({ orgId: ctx.orgId, ...parsedInput });
    revalidatePath(PAGE);
    return { ok: true as const };
  });
