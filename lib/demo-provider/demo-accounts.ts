import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { platformMailDomain } from "@/lib/mailboxes/alias";

// The simulated provider's three accounts with a forwarding rule to the alias of the demo mailbox that had the
// address when the rule was made (like a real rule, it does not follow the mailbox when its address changes).
export const DEMO_ACCOUNTS = [
  { address: "support@mycompany.com", behaviour: "forwards", says: "forwards to the alias" },
  { address: "billing@mycompany.com", behaviour: "microsoft365_blocks", says: "behaves like Microsoft 365 blocking external forwarding" },
  { address: "sales@example.org", behaviour: "gmail_confirmation", says: "behaves like Gmail, asking to confirm the forwarding first" },
] as const;

/** Creates the accounts' rules once (the first time the provider is used), from the demo's mailboxes. */
export async function ensureDemoAccounts(db: DbOrTx): Promise<void> {
  const values = sql.join(
    DEMO_ACCOUNTS.map((a) => sql`(${a.address}, ${a.behaviour})`),
    sql`, `,
  );
  await db.execute(sql`
    insert into demo_provider_account (address, behaviour, forward_to)
    select v.address, v.behaviour, mb.alias_token || '@' || o.slug || '.' || ${platformMailDomain()}
    from (values ${values}) as v(address, behaviour)
    join organization o on o.slug = ${DEMO_ORG_SLUG}
    join mailbox mb on mb.org_id = o.id
    join email_domain d on d.id = mb.domain_id and mb.local_part || '@' || d.domain = v.address
    on conflict (address) do nothing`);
}

export async function findDemoAccounts(db: DbOrTx) {
  await ensureDemoAccounts(db);
  const r = await db.execute(sql`select address, behaviour, forward_to as "forwardTo", confirmed_at as "confirmedAt" from demo_provider_account order by address`);
  return rowsOf<{ address: string; behaviour: string; forwardTo: string; confirmedAt: string | Date | null }>(r);
}
