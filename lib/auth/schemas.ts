import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320).pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(256),
  next: z.string().max(2000).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/maker/mailboxes";
  return next;
}
