import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf } from "@/db";
import type { z } from "zod";
import type { domainSchema } from "./resources";

type ApiDomain = z.infer<typeof domainSchema>;

/** The organisation's email domains with how many mailboxes use each (one query); `id`: only that one. */
export async function findApiDomains(orgId: string, id?: string): Promise<ApiDomain[]> {
  const where: SQL[] = [sql`d.org_id = ${orgId}::uuid`];
  if (id) where.push(sql`d.id = ${id}::uuid`);
  const rows = rowsOf<{ id: string; name: string; mailbox_count: number; created_at: string | Date }>(
    await db.execute(sql`
      select d.id::text as id, d.domain as name, d.created_at,
             (select count(*)::int from mailbox m where m.domain_id = d.id and m.org_id = d.org_id) as mailbox_count
      from email_domain d where ${sql.join(where, sql` and `)} order by d.domain`),
  );
  // `sending`: the hook for H1's sending identity (DKIM records and statuses), wired when it lands.
  return rows.map((r) => ({ id: r.id, name: r.name, mailbox_count: Number(r.mailbox_count), created_at: new Date(r.created_at).toISOString(), sending: null }));
}
