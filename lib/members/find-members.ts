import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { alertRecipient, mailbox, membership, user } from "@/db/schema";

export type MemberRow = {
  userId: string;
  name: string;
  email: string;
  role: "admin" | "agent";
  receivesAlerts: boolean;
};

/**
 * The organisation's members with their role (R47), admins first, and whether each receives alerts; plus whether
 * the admins chose the recipients (`chosen`) or every admin receives them.
 */
export async function findMembers(
  orgId: string,
): Promise<{ members: MemberRow[]; chosen: boolean; mailboxCount: number }> {
  const chosen = sql<boolean>`exists (select 1 from ${alertRecipient} ar where ar.org_id = ${orgId}::uuid)`;
  const rows = await getDb()
    .select({
      userId: membership.userId,
      name: user.name,
      email: user.email,
      role: membership.role,
      chosen,
      picked: sql<boolean>`${alertRecipient.userId} is not null`,
    })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .leftJoin(
      alertRecipient,
      and(eq(alertRecipient.orgId, membership.orgId), eq(alertRecipient.userId, membership.userId)),
    )
    .where(eq(membership.orgId, orgId))
    .orderBy(asc(membership.role), asc(user.email));
  const isChosen = rows.some((r) => r.chosen);
  const mailboxCount = await getDb().$count(mailbox, eq(mailbox.orgId, orgId));
  return {
    mailboxCount,
    chosen: isChosen,
    members: rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      email: r.email,
      role: r.role,
      receivesAlerts: isChosen ? r.picked : r.role === "admin",
    })),
  };
}
