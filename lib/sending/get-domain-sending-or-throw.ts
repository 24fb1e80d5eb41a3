import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { DomainSending } from "./types";
/** Everything the set-up page shows; makes the key on first visit. Another org's domain: NOT_FOUND. */
export async function getDomainSendingOrThrow(db: Db, params: { orgId: string; domainId: string; now: Date }): Promise<DomainSending> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
