"use server";
import { revalidatePath } from "next/cache";
import { licensedAction } from "@/lib/action-client";
import { createMailbox } from "@/lib/mailboxes/create-mailbox";
import { deleteMailbox } from "@/lib/mailboxes/delete-mailbox";
import { createMailboxSchema, mailboxIdSchema, updateMailboxSchema } from "@/lib/mailboxes/schemas";
import { setMailboxActive } from "@/lib/mailboxes/set-mailbox-active";
import { updateMailbox } from "@/lib/mailboxes/update-mailbox";

const revalidate = () => revalidatePath("/maker", "layout");

export const createMailboxAction = licensedAction.inputSchema(createMailboxSchema).action(async ({ parsedInput, ctx }) => {
  const row = await createMailbox({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
  revalidate();
  return { id: row.id };
});

export const updateMailboxAction = licensedAction.inputSchema(updateMailboxSchema).action(async ({ parsedInput, ctx }) => {
  const row = await updateMailbox({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
  revalidate();
  return { id: row.id, version: row.version };
});

export const activateMailboxAction = licensedAction.inputSchema(mailboxIdSchema).action(async ({ parsedInput, ctx }) => {
  await setMailboxActive({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id, active: true });
  revalidate();
  return { ok: true as const };
});

export const deactivateMailboxAction = licensedAction.inputSchema(mailboxIdSchema).action(async ({ parsedInput, ctx }) => {
  await setMailboxActive({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id, active: false });
  revalidate();
  return { ok: true as const };
});

export const deleteMailboxAction = licensedAction.inputSchema(mailboxIdSchema).action(async ({ parsedInput, ctx }) => {
  await deleteMailbox({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id });
  revalidate();
  return { ok: true as const };
});
