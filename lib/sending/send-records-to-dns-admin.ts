import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { RecordsSentResult } from "./types";
/** Mails the records and the zone file to an address the admin typed (limited like test emails). */
export async function sendRecordsToDnsAdmin(db: Db, params: { orgId: string; actorId: string; domainId: string; to: string; now: Date }): Promise<RecordsSentResult> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
