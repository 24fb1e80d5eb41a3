import "server-only";
import { asc, eq, getTableName, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { emailDomain, mailbox, smartRouting } from "@/db/schema";

// In a query without joins drizzle writes columns unqualified, so inside the correlated subquery `"id"` meant the
// mailbox's own id and the usage counts were always 0: name the outer table explicitly.
const outer = (table: Parameters<typeof getTableName>[0]) => sql.identifier(getTableName(table));

/** The organisation's email domains and smart routings, each with how many mailboxes use it. */
export async function findOrgSettings(orgId: string) {
  const [domains, routings] = await Promise.all([
    getDb()
      .select({
        id: emailDomain.id,
        domain: emailDomain.domain,
        mailboxCount: sql<number>`(select count(*)::int from ${mailbox} where ${mailbox.domainId} = ${outer(emailDomain)}.id)`,
      })
      .from(emailDomain)
      .where(eq(emailDomain.orgId, orgId))
      .orderBy(asc(emailDomain.domain)),
    getDb()
      .select({
        id: smartRouting.id,
        name: smartRouting.name,
        hasPublished: smartRouting.hasPublished,
        hasDraft: smartRouting.hasDraft,
        mailboxCount: sql<number>`(select count(*)::int from ${mailbox} where ${mailbox.smartRoutingId} = ${outer(smartRouting)}.id or ${mailbox.endRoutingId} = ${outer(smartRouting)}.id)`,
      })
      .from(smartRouting)
      .where(eq(smartRouting.orgId, orgId))
      .orderBy(asc(smartRouting.name)),
  ]);
  return { domains, routings };
}
