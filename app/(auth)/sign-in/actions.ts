"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { publicAction } from "@/lib/action-client";
import { getAuth } from "@/lib/auth/auth";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";

export const signInAction = publicAction.inputSchema(signInSchema).action(async ({ parsedInput }) => {
  try {
    await getAuth().api.signInEmail({
      body: { email: parsedInput.email.toLowerCase(), password: parsedInput.password },
      headers: await headers(),
    });
  } catch (e) {
    if (e instanceof APIError) throw new AppError("INVALID", "Email or password is incorrect.", "password");
    throw e;
  }
  return { next: safeNextPath(parsedInput.next) };
});

export const signOutAction = publicAction.action(async () => {
  await getAuth().api.signOut({ headers: await headers() });
  return { next: "/sign-in" };
});
