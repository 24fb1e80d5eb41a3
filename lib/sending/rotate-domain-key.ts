import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";

/** Makes a pending key with a new selector; the active one keeps signing until the new record verifies. R34. */
export async function rotateDomainKey(db: Db, params: { orgId: string; actorId: string; domainId: string; now: Date }): Promise<{ selector: string }> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
