import { sql, type SQL } from "drizzle-orm";

// The SQL twin of lib/address.ts (issue 18 item 4): the one fragment that puts an address together in a query.
// Table aliases are SQL identifiers written by the caller, never input: anything else is refused.

const ALIAS = /^[a-z_][a-z0-9_]*$/;
function ident(alias: string): string {
  if (!ALIAS.test(alias)) throw new Error(`address-sql: not a table alias: ${JSON.stringify(alias)}`);
  return alias;
}

/** `(<mailbox>.local_part || '@' || <domain>.domain)`: a mailbox's address, from `mailbox` and `email_domain` rows. */
export function mailboxAddressSql(mailboxAlias = "m", domainAlias = "d"): SQL {
  return sql.raw(`(${ident(mailboxAlias)}.local_part || '@' || ${ident(domainAlias)}.domain)`);
}

/** `(<mailbox>.alias_token || '@' || <org>.slug || '.' || <platform domain>)`: a mailbox's platform alias address. */
export function platformAliasAddressSql(platformDomain: string, mailboxAlias = "mb", orgAlias = "o"): SQL {
  return sql`(${sql.raw(`${ident(mailboxAlias)}.alias_token || '@' || ${ident(orgAlias)}.slug || '.'`)} || ${platformDomain})`;
}
