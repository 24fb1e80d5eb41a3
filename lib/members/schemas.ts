import { z } from "zod";

const userId = z.string({ error: "Unknown member." }).min(1, "Unknown member.").max(100, "Unknown member.");

export const memberSchema = z.object({ userId });
export const memberRoleSchema = z.object({
  userId,
  role: z.enum(["admin", "agent"], { error: "Choose Admin or Agent." }),
});
export const alertRecipientsSchema = z.object({
  mode: z.enum(["all_admins", "chosen"], { error: "Choose who receives alerts." }),
  userIds: z.array(userId).max(500),
});
export type AlertRecipientsInput = z.infer<typeof alertRecipientsSchema>;
