"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { licensedAction } from "@/lib/action-client";
import {
  allowDemoExternalForwarding,
  createDemoForwardingRule,
  removeDemoForwardingRule,
} from "@/lib/demo-provider/manage-demo-forwarding-rules";
import { idSchema } from "@/lib/validation";

// The demo provider's rules (issue 21 item 1): the admin's steps at their provider, played in the demo.
const createSchema = z.object({
  mailboxId: idSchema,
  provider: z.enum(["gmail", "microsoft365", "generic"], { error: "Choose a provider." }),
});
const ruleSchema = z.object({ id: idSchema });

export const createDemoForwardingRuleAction = licensedAction
  .inputSchema(createSchema)
  .action(async ({ parsedInput, ctx }) => {
    const rule = await createDemoForwardingRule({ orgId: ctx.orgId, ...parsedInput });
    revalidatePath("/maker/demo-provider");
    revalidatePath(`/maker/mailboxes/${parsedInput.mailboxId}`);
    return rule;
  });

export const removeDemoForwardingRuleAction = licensedAction
  .inputSchema(ruleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const r = await removeDemoForwardingRule({ orgId: ctx.orgId, id: parsedInput.id });
    revalidatePath("/maker/demo-provider");
    return r;
  });

export const allowDemoExternalForwardingAction = licensedAction
  .inputSchema(ruleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const r = await allowDemoExternalForwarding({ orgId: ctx.orgId, id: parsedInput.id });
    revalidatePath("/maker/demo-provider");
    return r;
  });
