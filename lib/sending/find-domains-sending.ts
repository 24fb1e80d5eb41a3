import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { DomainSendingSummary } from "./types";
/** Every domain of the organisation with its sending state (Settings), keyed by domain id. */
export async function findDomainsSending(db: Db, params: { orgId: string }): Promise<Map<string, DomainSendingSummary>> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
