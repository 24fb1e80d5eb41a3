"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { licensedAction } from "@/lib/action-client";
import { createQueue } from "@/lib/queues/create-queue";
import { linkMailboxToQueue } from "@/lib/queues/link-mailbox-to-queue";
import { removeQueue } from "@/lib/queues/remove-queue";
import { renameQueue } from "@/lib/queues/rename-queue";
import { createQueueSchema, queueMailboxSchema, removeQueueSchema, renameQueueSchema } from "@/lib/queues/schemas";
import { setDefaultMailbox } from "@/lib/queues/set-default-mailbox";
import { unlinkMailboxFromQueue } from "@/lib/queues/unlink-mailbox-from-queue";

// Queues and their links show on the queue pages and on the mailbox pages (linked queues, R13/R14).
const refresh = () => revalidatePath("/maker", "layout");

export const createQueueAction = licensedAction.inputSchema(createQueueSchema).action(async ({ parsedInput, ctx }) => {
  const row = await createQueue({ orgId: ctx.orgId, actorId: ctx.actorId, name: parsedInput.name });
  refresh();
  return { ok: true as const, id: row.id };
});

export const renameQueueAction = licensedAction.inputSchema(renameQueueSchema).action(async ({ parsedInput, ctx }) => {
  await renameQueue({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
  refresh();
  return { ok: true as const };
});

export const removeQueueAction = licensedAction.inputSchema(removeQueueSchema).action(async ({ parsedInput, ctx }) => {
  await removeQueue({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id });
  refresh();
  return { ok: true as const };
});

export const linkMailboxAction = licensedAction.inputSchema(queueMailboxSchema).action(async ({ parsedInput, ctx }) => {
  const link = await linkMailboxToQueue({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
  refresh();
  return { ok: true as const, isDefault: link.isDefault };
});

export const unlinkMailboxAction = licensedAction
  .inputSchema(queueMailboxSchema)
  .action(async ({ parsedInput, ctx }) => {
    await unlinkMailboxFromQueue({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
    refresh();
    return { ok: true as const };
  });

export const setDefaultMailboxAction = licensedAction
  .inputSchema(queueMailboxSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setDefaultMailbox({ orgId: ctx.orgId, actorId: ctx.actorId, ...parsedInput });
    refresh();
    return { ok: true as const };
  });
