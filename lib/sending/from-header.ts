/** `Display name <local@domain>` as the From header reads; the name quoted when it holds specials (RFC 5322). */
export function fromHeader(displayName: string, address: string): string {
  const name = displayName.replace(/[\r\n\x00-\x1f\x7f]/g, " ").trim();
  if (!name) return address;
  const plain = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/.test(name);
  return `${plain ? name : `"${name.replace(/["\\]/g, (c) => `\\${c}`)}"`} <${address}>`;
}
