import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alertRecipient, membership, user } from "@/db/schema";

export type AlertRecipient = { userId: string; email: string; name: string };

/**
 * R47: who receives the organisation's alert emails (R29's forwarding alerts, the sending identity's DNS alerts):
 * the members the admins chose, or every admin when they chose none (the default, and what remains when every
 * chosen member has left). One query; scoped by organisation.
 */
export async function findAlertRecipients(db: DbOrTx, orgId: string): Promise<AlertRecipient[]> {
  const chosen = sql`exists (select 1 from ${alertRecipient} ar where ar.org_id = ${orgId}::uuid)`;
  return db
    .select({ userId: membership.userId, email: user.email, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .leftJoin(
      alertRecipient,
      and(eq(alertRecipient.orgId, membership.orgId), eq(alertRecipient.userId, membership.userId)),
    )
    .where(
      and(
        eq(membership.orgId, orgId),
        sql`case when ${chosen} then ${alertRecipient.userId} is not null else ${membership.role} = 'admin' end`,
      ),
    )
    .orderBy(user.email);
}
