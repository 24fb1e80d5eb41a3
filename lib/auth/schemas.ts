import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320).pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(256),
  next: z.string().max(2000).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export { safeNextPath } from "./safe-next-path";
