// The demo organisation (SPEC §5) and its email domains, which the built-in simulated mail provider serves when
// OUTBOUND_SMTP_URL is not set (docs/decisions/0004-demo-mail-provider.md).
export const DEMO_ORG_SLUG = "demo";
export const DEMO_MAIL_DOMAINS = ["mycompany.com", "example.org"] as const;

export function isDemoMailDomain(address: string): boolean {
  const domain = address.trim().toLowerCase().split("@").pop() ?? "";
  return (DEMO_MAIL_DOMAINS as readonly string[]).includes(domain);
}
