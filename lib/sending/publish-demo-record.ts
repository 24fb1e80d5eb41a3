import "server-only";
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";

/** Demo organisation only: publishes the domain's missing records in the simulated DNS, then checks DNS. */
export async function publishDemoRecord(db: Db, params: { orgId: string; domainId: string; now: Date }): Promise<void> {
  void db; void params;
  throw new AppError("INVALID", "not ready");
}
