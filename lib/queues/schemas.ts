import { z } from "zod";
import { idSchema, singleLineText } from "@/lib/validation";

/** R15: a queue holds at most this many mailboxes. */
export const MAX_QUEUE_MAILBOXES = 20;

export const queueNameSchema = z.object({ name: singleLineText("Name") });
export type QueueNameInput = z.infer<typeof queueNameSchema>;

export const createQueueSchema = queueNameSchema;
export const renameQueueSchema = z.object({ id: idSchema, name: queueNameSchema.shape.name });
export const removeQueueSchema = z.object({ id: idSchema });

/** One mailbox of one queue: link, unlink, make default. */
export const queueMailboxSchema = z.object({
  queueId: idSchema,
  mailboxId: z.uuid({ error: "Choose a mailbox." }),
});
export type QueueMailboxInput = z.infer<typeof queueMailboxSchema>;
