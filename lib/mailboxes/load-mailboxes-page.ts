import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { json, num, rows } from "@/db/rows";
import { findOrgHealthFacts } from "@/lib/health/find-org-health-facts";
import { findMailboxes } from "./find-mailboxes";
import { findListColumns } from "./set-list-columns";

/**
 * Everything S1 shows, in a fixed number of queries whatever the number of mailboxes, run in parallel: the list,
 * the health facts (shared with the Maker layout's banner in the same request), the domain count with the
 * queues (one query), and the columns this admin hid.
 */
export async function loadMailboxesPage(orgId: string, userId?: string) {
  const [mailboxes, [org], hidden] = await Promise.all([
    findMailboxes(orgId, new Date(), findOrgHealthFacts(orgId)),
    rows(
      getDb(),
      sql`select (select count(*)::int from email_domain where org_id = ${orgId}::uuid) as "domains",
                   coalesce((select json_agg(json_build_object('id', q.id, 'name', q.name) order by q.name) from queue q where q.org_id = ${orgId}::uuid), '[]'::json) as "queues"`,
      z.object({ domains: num(), queues: json(z.array(z.object({ id: z.string(), name: z.string() }))) }),
    ),
    userId ? findListColumns(orgId, userId) : [],
  ]);
  return { mailboxes, domainCount: org.domains, queues: org.queues, hidden };
}
