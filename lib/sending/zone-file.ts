import type { DomainRecord, DomainSending } from "./types";

// "Download zone file" (R35): the records in BIND format, ready to import at Cloudflare, Route 53 and the like.

/** A TXT value as quoted character-strings of at most 255 bytes each, quotes and backslashes escaped. */
export function quoteTxt(value: string): string {
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of value) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > 255) {
      parts.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  const escape = (s: string) => s.replace(/[\\"]/g, (c) => `\\${c}`);
  return parts.map((p) => `"${escape(p)}"`).join(" ");
}

const PURPOSE: Record<DomainRecord["purpose"], string> = {
  dkim: "DKIM: the platform's key, so that mail it sends as this domain passes DKIM (required)",
  dkim_next: "DKIM: the platform's new key (key rotation); publish it, the previous key signs until it is verified",
  dkim_previous: "DKIM: the previous key, no longer used (can be removed)",
  dmarc: "DMARC: the domain's policy (recommended; keep your own record if you already publish one)",
};

/** `<domain>.zone`: names fully qualified with a trailing dot, TTL 3600, a comment naming each record's purpose. */
export function domainZoneFile(sending: Pick<DomainSending, "domain" | "records">): { fileName: string; text: string } {
  const lines = [`; DNS records for sending mail as ${sending.domain}`, `$ORIGIN ${sending.domain}.`, "$TTL 3600", ""];
  for (const r of sending.records) {
    // Not the previous key; nor a DMARC record where the organisational domain's applies (ours, p=none, would
    // replace its policy for this subdomain).
    if (r.purpose === "dkim_previous" || r.reason === "dmarc_inherited") continue;
    lines.push(`; ${PURPOSE[r.purpose]}`);
    lines.push(`${r.fqdn}. 3600 IN ${r.type} ${quoteTxt(r.value)}`);
    lines.push("");
  }
  return { fileName: `${sending.domain}.zone`, text: lines.join("\n") };
}
