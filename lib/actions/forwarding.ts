"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { licensedAction } from "@/lib/action-client";
import { confirmDemoForwarding } from "@/lib/demo-provider/confirm-demo-forwarding";
import { requestForwardingVerification } from "@/lib/forwarding/request-forwarding-verification";

const verifyForwardingSchema = z.object({ mailboxId: z.uuid({ message: "Unknown mailbox." }) });

/** R22 "Verify forwarding" on S4: sends the test message; the status becomes pending. */
export const verifyForwardingAction = licensedAction
  .inputSchema(verifyForwardingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const v = await requestForwardingVerification({
      orgId: ctx.orgId,
      actorId: ctx.actorId,
      mailboxId: parsedInput.mailboxId,
    });
    revalidatePath(`/maker/mailboxes/${parsedInput.mailboxId}`);
    revalidatePath("/maker/mailboxes");
    return { ok: true as const, address: v.address, expiresAt: v.expiresAt.toISOString() };
  });

/**
 * The demo's simulated Gmail confirmation, confirmed: the simulated provider starts forwarding (demo organisation
 * only).
 */
export const confirmDemoForwardingAction = licensedAction
  .inputSchema(verifyForwardingSchema)
  .action(async ({ parsedInput, ctx }) => {
    await confirmDemoForwarding({ orgId: ctx.orgId, mailboxId: parsedInput.mailboxId });
    revalidatePath(`/maker/mailboxes/${parsedInput.mailboxId}`);
    return { ok: true as const };
  });
