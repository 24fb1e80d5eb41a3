// The one way an email address is put together from its parts (issue 18 item 4). Pure: client components use it
// too. Its SQL twin is lib/address-sql.ts; keep the two in step.

/** A mailbox's address, `<local part>@<domain>`. */
export function mailboxAddress(localPart: string, domain: string): string {
  return `${localPart}@${domain}`;
}

/** A platform alias address, `<token>@<org slug>.<platform mail domain>` (SPEC §2, R11). */
export function platformAliasAddress(token: string, orgSlug: string, platformDomain: string): string {
  return mailboxAddress(token, `${orgSlug}.${platformDomain}`);
}
