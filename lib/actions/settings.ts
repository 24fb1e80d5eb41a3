"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/action-client";
import { addEmailDomain } from "@/lib/settings/add-email-domain";
import { addSmartRouting } from "@/lib/settings/add-smart-routing";
import { removeEmailDomain } from "@/lib/settings/remove-email-domain";
import { removeSmartRouting } from "@/lib/settings/remove-smart-routing";
import {
  emailDomainSchema,
  orgDefaultsSchema,
  removeByIdSchema,
  smartRoutingSchema,
  updateSmartRoutingSchema,
} from "@/lib/settings/schemas";
import { updateOrgDefaults } from "@/lib/settings/update-org-defaults";
import { updateSmartRouting } from "@/lib/settings/update-smart-routing";

const done = () => {
  revalidatePath("/maker", "layout");
  return { ok: true as const };
};

export const updateOrgDefaultsAction = adminAction
  .inputSchema(orgDefaultsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updateOrgDefaults({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
    return done();
  });

export const addEmailDomainAction = adminAction.inputSchema(emailDomainSchema).action(async ({ parsedInput, ctx }) => {
  await addEmailDomain({ orgId: ctx.orgId, actorId: ctx.actorId, domain: parsedInput.domain });
  return done();
});

export const removeEmailDomainAction = adminAction
  .inputSchema(removeByIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await removeEmailDomain({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id });
    return done();
  });

export const addSmartRoutingAction = adminAction
  .inputSchema(smartRoutingSchema)
  .action(async ({ parsedInput, ctx }) => {
    await addSmartRouting({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
    return done();
  });

export const updateSmartRoutingAction = adminAction
  .inputSchema(updateSmartRoutingSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updateSmartRouting({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
    return done();
  });

export const removeSmartRoutingAction = adminAction
  .inputSchema(removeByIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await removeSmartRouting({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id });
    return done();
  });
