import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { DomainSending } from "./types";
/** Looks the records up now (R35) and applies the state change (R36). */
export async function checkDomainDns(db: Db, params: { orgId: string; domainId: string; now: Date; actorId?: string | null }): Promise<DomainSending> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
