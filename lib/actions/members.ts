"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/action-client";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { clearMemberSignInLimit } from "@/lib/members/clear-member-sign-in-limit";
import { removeMember } from "@/lib/members/remove-member";
import { alertRecipientsSchema, memberRoleSchema, memberSchema } from "@/lib/members/schemas";
import { setAlertRecipients } from "@/lib/members/set-alert-recipients";

// R47: Settings' members card and alert recipients card. Session → admin of the organisation → parse → service.
const done = () => {
  revalidatePath("/maker/settings");
  return { ok: true as const };
};

export const changeMemberRoleAction = adminAction.inputSchema(memberRoleSchema).action(async ({ parsedInput, ctx }) => {
  await changeMemberRole({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
  return done();
});

export const removeMemberAction = adminAction.inputSchema(memberSchema).action(async ({ parsedInput, ctx }) => {
  await removeMember({ orgId: ctx.orgId, actorId: ctx.actorId, userId: parsedInput.userId });
  return done();
});

export const clearSignInLimitAction = adminAction.inputSchema(memberSchema).action(async ({ parsedInput, ctx }) => {
  const result = await clearMemberSignInLimit({ orgId: ctx.orgId, actorId: ctx.actorId, userId: parsedInput.userId });
  revalidatePath("/maker/settings");
  return result;
});

export const setAlertRecipientsAction = adminAction
  .inputSchema(alertRecipientsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setAlertRecipients({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
    return done();
  });
