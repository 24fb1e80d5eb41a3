import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { platformMailDomain } from "@/lib/alias";
import { mailboxAddressSql, platformAliasAddressSql } from "@/lib/address-sql";

// The simulated provider's seeded rules (decision 0004): three addresses of the demo's mailboxes, each forwarding
// to the alias of the demo mailbox that had the address when the rule was made (like a real rule, it does not
// follow the mailbox when its address changes). Every other address of the demo's domains starts with no rule;
// the admin creates one from S4's instructions ("Create this rule in the demo provider").
export const DEMO_ACCOUNTS = [
  { address: "support@mycompany.com", provider: "generic", says: "forwards to the alias" },
  {
    address: "billing@mycompany.com",
    provider: "microsoft365",
    says: "behaves like Microsoft 365 blocking external forwarding",
  },
  {
    address: "sales@example.org",
    provider: "gmail",
    says: "behaves like Gmail, asking to confirm the forwarding first",
  },
] as const;

/**
 * Creates the seeded rules once (the first time the provider is used), from the demo's mailboxes. A removed rule
 * keeps its row (`removed_at`), so it is not created again behind the admin's back.
 */
export async function ensureDemoAccounts(db: DbOrTx): Promise<void> {
  const values = sql.join(
    DEMO_ACCOUNTS.map((a) => sql`(${a.address}, ${a.provider})`),
    sql`, `,
  );
  await db.execute(sql`
    insert into demo_forwarding_rule (org_id, address, provider, forward_to)
    select o.id, v.address, v.provider, ${platformAliasAddressSql(platformMailDomain())}
    from (values ${values}) as v(address, provider)
    join organization o on o.slug = ${DEMO_ORG_SLUG}
    join mailbox mb on mb.org_id = o.id
    join email_domain d on d.id = mb.domain_id and ${mailboxAddressSql("mb", "d")} = v.address
    on conflict (address) do nothing`);
}
