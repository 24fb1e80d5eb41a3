import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { membership } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { OptionalListColumn } from "./list-columns";

/** Remembers which of S1's optional columns this admin hid (their own preference: not audited, nobody else's). */
export async function setListColumns(params: { orgId: string; userId: string; hidden: OptionalListColumn[] }) {
  const rows = await getDb()
    .update(membership)
    .set({ listHiddenColumns: [...new Set(params.hidden)] })
    .where(and(eq(membership.orgId, params.orgId), eq(membership.userId, params.userId)))
    .returning({ id: membership.id });
  if (rows.length === 0) throw notFound("That membership");
}

/** The columns this member hid on S1 (none for a member who never chose). */
export async function findListColumns(orgId: string, userId: string): Promise<OptionalListColumn[]> {
  const [row] = await getDb()
    .select({ hidden: membership.listHiddenColumns })
    .from(membership)
    .where(and(eq(membership.orgId, orgId), eq(membership.userId, userId)));
  return (row?.hidden ?? []) as OptionalListColumn[];
}
