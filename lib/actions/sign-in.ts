"use server";
import "server-only";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { publicAction } from "@/lib/action-client";
import { getDb } from "@/db";
import { getAuth } from "@/lib/auth/auth";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";
import { countSignInAttempt, forgiveSignInAttempt, signInRefusalMessage } from "@/lib/auth/sign-in-limiter";
import { AppError } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/http/request-facts";

export const signInAction = publicAction.inputSchema(signInSchema).action(async ({ parsedInput }) => {
  const requestHeaders = await headers();
  const email = parsedInput.email.toLowerCase();
  const address = clientAddress(requestHeaders);
  // Counted before the password is checked, per address and per (account, address), in the database (R31).
  const verdict = await countSignInAttempt(getDb(), { email, address, now: new Date() });
  if (!verdict.allowed) throw new AppError("LIMIT_REACHED", signInRefusalMessage(verdict));
  try {
    // Better Auth records the session's address from this header only (lib/auth/auth.ts): the one decided above.
    const authHeaders = new Headers(requestHeaders);
    authHeaders.set(CLIENT_ADDRESS_HEADER, address);
    await getAuth().api.signInEmail({ body: { email, password: parsedInput.password }, headers: authHeaders });
  } catch (e) {
    if (e instanceof APIError) throw new AppError("INVALID", "Email or password is incorrect.", "password");
    throw e;
  }
  await forgiveSignInAttempt(getDb(), { email, address });
  return { next: safeNextPath(parsedInput.next) };
});

export const signOutAction = publicAction.action(async () => {
  await getAuth().api.signOut({ headers: await headers() });
  return { next: "/sign-in" };
});
