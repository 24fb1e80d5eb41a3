import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { getMailboxOrThrow } from "./get-mailbox-or-throw";

/** For pages: the organisation's mailbox, or Next's 404 (a malformed id or another organisation's mailbox too). */
export async function loadMailboxOr404(orgId: string, id: string) {
  if (!idSchema.safeParse(id).success) notFound();
  try {
    return await getMailboxOrThrow(orgId, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
