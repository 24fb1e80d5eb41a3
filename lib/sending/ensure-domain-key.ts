import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";

/** The domain's active DKIM key (made on first call; two concurrent callers end with one key). R34. */
export async function ensureDomainKey(db: Db, params: { orgId: string; domainId: string; now: Date }): Promise<{ selector: string; publicKey: string }> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
