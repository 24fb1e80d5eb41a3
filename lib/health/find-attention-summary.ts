import "server-only";
import { getDb } from "@/db";
import { findHealthFacts, type MailboxHealthRow } from "./find-health-facts";

/** How many of the organisation's mailboxes need attention, for the Maker banner (R29). One query. */
export async function findAttentionSummary(
  orgId: string,
  now: Date = new Date(),
): Promise<{ count: number; firstName: string | null }> {
  return attentionSummaryOf(await findHealthFacts(getDb(), { orgId }, now));
}

/** The banner's figures from health rows already read (the layout shares them with S1: findOrgHealthFacts). */
export function attentionSummaryOf(all: MailboxHealthRow[]): { count: number; firstName: string | null } {
  const rows = all.filter((r) => r.health.state === "needs_attention");
  return { count: rows.length, firstName: rows[0]?.displayName ?? null };
}
