import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { getMailboxOrThrow } from "./get-mailbox-or-throw";

/**
 * For pages: the organisation's mailbox, or the 404 page (a malformed id or another organisation's mailbox too).
 * Cached per request, so a page and its <title> (generateMetadata) read it once.
 */
export const loadMailboxOr404 = cache(async (orgId: string, id: string) => {
  if (!idSchema.safeParse(id).success) notFound();
  try {
    return await getMailboxOrThrow(orgId, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});
