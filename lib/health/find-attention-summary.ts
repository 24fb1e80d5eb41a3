import "server-only";
import { db } from "@/db";
import { findHealthFacts } from "./find-health-facts";

/** How many of the organisation's mailboxes need attention, for the Maker banner (R29). One query. */
export async function findAttentionSummary(orgId: string, now: Date = new Date()): Promise<{ count: number; firstName: string | null }> {
  const rows = (await findHealthFacts(db, { orgId }, now)).filter((r) => r.health.state === "needs_attention");
  return { count: rows.length, firstName: rows[0]?.displayName ?? null };
}
