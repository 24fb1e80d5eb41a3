import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { TestEmailResult } from "./types";
/** Sends a signed test email as the mailbox (R38): limited, audited. */
export async function sendTestEmail(db: Db, params: { orgId: string; actorId: string; mailboxId: string; to: string; now: Date }): Promise<TestEmailResult> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
