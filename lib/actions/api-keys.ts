"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/action-client";
import { createApiKey } from "@/lib/api/create-api-key";
import { revokeApiKey } from "@/lib/api/revoke-api-key";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api/schemas";

/** Settings → API keys → Create (R40): admins only; the secret is in this answer and nowhere else, ever. */
export const createApiKeyAction = adminAction.inputSchema(createApiKeySchema).action(async ({ parsedInput, ctx }) => {
  const key = await createApiKey({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
  revalidatePath("/maker/settings");
  return { ok: true as const, id: key.id, name: key.name, secret: key.secret };
});

/** Settings → API keys → Revoke (R40): refused at once on every instance. */
export const revokeApiKeyAction = adminAction.inputSchema(revokeApiKeySchema).action(async ({ parsedInput, ctx }) => {
  await revokeApiKey({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id });
  revalidatePath("/maker/settings");
  return { ok: true as const };
});
