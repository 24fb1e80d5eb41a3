import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { membership, organization, user } from "@/db/schema";
import { notFound } from "@/lib/errors";

/**
 * R47's lock: the organisation's row, FOR UPDATE, taken first by every change of roles or members, so that two
 * admins demoting or removing each other at the same instant run one after the other and the second sees the
 * first's result (raced on PostgreSQL in members.test.ts). Then the member, scoped by organisation.
 */
export async function lockOrgMember(tx: Tx, params: { orgId: string; userId: string }) {
  await tx.select({ id: organization.id }).from(organization).where(eq(organization.id, params.orgId)).for("update");
  const [member] = await tx
    .select({ userId: membership.userId, role: membership.role, email: user.email, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.orgId, params.orgId), eq(membership.userId, params.userId)));
  if (!member) throw notFound("That member");
  const [{ admins }] = await tx
    .select({ admins: sql<number>`count(*)::int` })
    .from(membership)
    .where(and(eq(membership.orgId, params.orgId), eq(membership.role, "admin")));
  return { member, admins: Number(admins) };
}
