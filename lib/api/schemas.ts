import { z } from "zod";
import { idSchema, singleLineText } from "@/lib/validation";

// The Settings "API keys" form (S6): one schema for the dialog and the server action.
export const createApiKeySchema = z.object({
  name: singleLineText("Name", 100),
  access: z.enum(["read", "write"], { error: "Choose Read only or Read and write." }),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
export const revokeApiKeySchema = z.object({ id: idSchema });

export const ACCESS_LABEL = { read: "Read only", write: "Read and write" } as const;
