"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { licensedAction } from "@/lib/action-client";
import { createMailbox } from "@/lib/mailboxes/create-mailbox";
import { deleteMailbox } from "@/lib/mailboxes/delete-mailbox";
import { forEachMailbox } from "@/lib/mailboxes/for-each-mailbox";
import { deactivateMailboxes, planMailboxesDeactivation } from "@/lib/mailboxes/deactivate-mailboxes";
import { listColumnsSchema } from "@/lib/mailboxes/list-columns";
import { setListColumns } from "@/lib/mailboxes/set-list-columns";
import { undoMailboxesDeactivation } from "@/lib/mailboxes/undo-mailboxes-deactivation";
import {
  bulkIdsSchema,
  bulkLinkToQueueSchema,
  undoDeactivationSchema,
  createMailboxWithQueuesSchema,
  mailboxIdSchema,
  removeFromQueuesSchema,
  updateMailboxWithQueuesSchema,
} from "@/lib/mailboxes/schemas";
import { applyQueueChoices } from "@/lib/mailboxes/apply-queue-choices";
import { setMailboxActive } from "@/lib/mailboxes/set-mailbox-active";
import { updateMailbox } from "@/lib/mailboxes/update-mailbox";
import { getMailboxOrThrow } from "@/lib/mailboxes/get-mailbox-or-throw";
import { removeMailboxFromQueues } from "@/lib/mailboxes/remove-mailbox-from-queues";
import { linkMailboxToQueue } from "@/lib/queues/link-mailbox-to-queue";

const revalidate = () => revalidatePath("/maker", "layout");

export const createMailboxAction = licensedAction
  .inputSchema(createMailboxWithQueuesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { queues, ...fields } = parsedInput;
    const row = await createMailbox({ orgId: ctx.orgId, actorId: ctx.actorId, ...fields });
    const { refusals } = queues?.length
      ? await applyQueueChoices({ orgId: ctx.orgId, actorId: ctx.actorId, mailboxId: row.id, queues })
      : { refusals: [] };
    revalidate();
    return { id: row.id, queueRefusals: refusals };
  });

export const updateMailboxAction = licensedAction
  .inputSchema(updateMailboxWithQueuesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { queues, ...fields } = parsedInput;
    const row = await updateMailbox({ orgId: ctx.orgId, actorId: ctx.actorId, ...fields });
    const { refusals } = queues
      ? await applyQueueChoices({ orgId: ctx.orgId, actorId: ctx.actorId, mailboxId: row.id, queues })
      : { refusals: [] };
    revalidate();
    return { id: row.id, version: row.version, queueRefusals: refusals };
  });

export const activateMailboxAction = licensedAction
  .inputSchema(mailboxIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setMailboxActive({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id, active: true });
    revalidate();
    return { ok: true as const };
  });

export const deactivateMailboxAction = licensedAction
  .inputSchema(mailboxIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setMailboxActive({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id, active: false });
    revalidate();
    return { ok: true as const };
  });

export const deleteMailboxAction = licensedAction.inputSchema(mailboxIdSchema).action(async ({ parsedInput, ctx }) => {
  await deleteMailbox({ orgId: ctx.orgId, actorId: ctx.actorId, id: parsedInput.id });
  revalidate();
  return { ok: true as const };
});

/**
 * S1 bulk Activate: each selected mailbox (R13), each refusal reported for its mailbox. Deactivating stops mail, so
 * it is never done here: bulk Deactivate is the dry run, the run and its Undo below (H6 item 4).
 */
export const bulkActivateMailboxesAction = licensedAction
  .inputSchema(bulkIdsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const results = await forEachMailbox(parsedInput.ids, (id) =>
      setMailboxActive({ orgId: ctx.orgId, actorId: ctx.actorId, id, active: true }),
    );
    revalidate();
    return { results };
  });

/** S1 bulk Deactivate, step 1 (H6 item 4): what would happen to how many, which are refused and why. Writes nothing. */
export const planBulkDeactivationAction = licensedAction
  .inputSchema(bulkIdsSchema)
  .action(async ({ parsedInput, ctx }) => {
    return planMailboxesDeactivation({ orgId: ctx.orgId, ids: parsedInput.ids });
  });

/** S1 bulk Deactivate, step 2: one transaction; returns the receipt its Undo presents. */
export const bulkDeactivateMailboxesAction = licensedAction
  .inputSchema(bulkIdsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deactivateMailboxes({ orgId: ctx.orgId, actorId: ctx.actorId, ids: parsedInput.ids });
    revalidate();
    return result;
  });

/** S1 bulk Deactivate's Undo: a real, audited reversal of what nothing has changed since. */
export const undoBulkDeactivationAction = licensedAction
  .inputSchema(undoDeactivationSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await undoMailboxesDeactivation({
      orgId: ctx.orgId,
      actorId: ctx.actorId,
      receipt: parsedInput.receipt,
    });
    revalidate();
    return result;
  });

/** S1 bulk: link each selected mailbox to one queue (R15-R17), each refusal reported for its mailbox. */
export const bulkLinkMailboxesToQueueAction = licensedAction
  .inputSchema(bulkLinkToQueueSchema)
  .action(async ({ parsedInput, ctx }) => {
    const results = await forEachMailbox(parsedInput.ids, (mailboxId) =>
      linkMailboxToQueue({ orgId: ctx.orgId, actorId: ctx.actorId, queueId: parsedInput.queueId, mailboxId }),
    );
    revalidate();
    return { results };
  });

/** S3's "Keep mine and save again" after a stale edit (R12): the version to save over, knowingly. */
export const getMailboxVersionAction = licensedAction
  .inputSchema(mailboxIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const m = await getMailboxOrThrow(ctx.orgId, parsedInput.id);
    return { version: m.version };
  });

/** S4's "Remove from these queues" (R14's one-click fix): through the queue services, queue by queue. */
export const removeMailboxFromQueuesAction = licensedAction
  .inputSchema(removeFromQueuesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await removeMailboxFromQueues({
      orgId: ctx.orgId,
      actorId: ctx.actorId,
      mailboxId: parsedInput.id,
      queues: parsedInput.queues,
    });
    revalidate();
    return result;
  });

/** S1's column chooser: remembered per admin (their membership), so it follows them to any browser. */
export const setListColumnsAction = licensedAction
  .inputSchema(listColumnsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setListColumns({ orgId: ctx.orgId, userId: ctx.actorId, hidden: parsedInput.hidden });
    return { hidden: parsedInput.hidden };
  });
