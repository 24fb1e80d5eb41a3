import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { date, num, rows } from "@/db/rows";
import { findDomainsSending } from "@/lib/sending/find-domains-sending";
import { getDomainSendingOrThrow } from "@/lib/sending/get-domain-sending-or-throw";
import type { domainSchema } from "./resources";

type ApiDomain = z.infer<typeof domainSchema>;

/** The organisation's email domains with how many mailboxes use each (one query); `id`: only that one. */
export async function findApiDomains(orgId: string, id?: string): Promise<ApiDomain[]> {
  const where: SQL[] = [sql`d.org_id = ${orgId}::uuid`];
  if (id) where.push(sql`d.id = ${id}::uuid`);
  const domains = await rows(
    getDb(),
    sql`
      select d.id::text as id, d.domain as name, d.created_at,
             (select count(*)::int from mailbox m where m.domain_id = d.id and m.org_id = d.org_id) as mailbox_count
      from email_domain d where ${sql.join(where, sql` and `)} order by d.domain`,
    z.object({ id: z.string(), name: z.string(), mailbox_count: num(), created_at: date() }),
  );
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const sending = await findDomainsSending(getDb(), { orgId });
  // One domain: its records too (the set-up page's rows), from the same service as the screen.
  const one =
    id && domains.length ? await getDomainSendingOrThrow(getDb(), { orgId, domainId: id, now: new Date() }) : null;
  return domains.map((r) => {
    const s = sending.get(r.id);
    return {
      id: r.id,
      name: r.name,
      mailbox_count: r.mailbox_count,
      created_at: r.created_at.toISOString(),
      sending: {
        state: s?.state ?? "not_set_up",
        state_sentence: s?.stateSentence ?? "",
        last_checked_at: iso(s?.lastCheckedAt ?? null),
        last_success_at: iso(s?.lastSuccessAt ?? null),
        ...(one
          ? {
              records: one.records.map((x) => ({
                purpose: x.purpose,
                type: x.type,
                host: x.host,
                fqdn: x.fqdn,
                value: x.value,
                required: x.required,
                status: x.status,
                found: x.found,
                explanation: x.explanation,
                checked_at: iso(x.checkedAt),
              })),
            }
          : {}),
      },
    };
  });
}
