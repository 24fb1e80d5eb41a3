"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { licensedAction } from "@/lib/action-client";
import { sendTestEmailSchema } from "@/lib/sending/schemas";
import { sendTestEmail } from "@/lib/sending/send-test-email";

/**
 * "Send a test email" (issue 19 item 7) on S4, and on S5 for the queue's default mailbox: a signed message as the
 * mailbox to the address typed. The service refuses, with a sentence, a domain that cannot send, and applies the
 * limits per mailbox, organisation and recipient (R32).
 */
export const sendTestEmailAction = licensedAction
  .inputSchema(sendTestEmailSchema)
  .action(async ({ parsedInput, ctx }) => {
    const r = await sendTestEmail(getDb(), {
      orgId: ctx.orgId,
      actorId: ctx.actorId,
      mailboxId: parsedInput.mailboxId,
      to: parsedInput.to,
      now: new Date(),
    });
    revalidatePath(`/maker/mailboxes/${parsedInput.mailboxId}`);
    return { ok: true as const, to: r.to, sentAt: r.sentAt.toISOString(), signedAs: r.signedAs };
  });
