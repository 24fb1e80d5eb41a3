import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { MailboxSending } from "./types";
/** Per mailbox: can it send, and why not (S4, S5, S1 filter). All the org's mailboxes when mailboxIds is omitted. */
export async function findMailboxesSending(db: Db, params: { orgId: string; mailboxIds?: string[] }): Promise<Map<string, MailboxSending>> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
