import { Resolver } from "node:dns/promises";
import { config } from "@/lib/config";

// DNS for R28's DKIM checks: DNS_SERVERS (comma-separated host[:port], e.g. "127.0.0.1:5353,[::1]:53") names the
// resolvers to ask; unset, the system's. Short timeouts, so that an unreachable resolver fails a check in seconds.

/** The servers of DNS_SERVERS in the form node:dns accepts, or null for the system's resolvers. */
export function dnsServers(value: string | undefined = config().DNS_SERVERS): string[] | null {
  const list = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list : null;
}

/** A resolver `(name, rrtype) => answers` as mailauth expects it (TXT answers are arrays of strings). */
export function createDnsResolver(servers: string[] | null = dnsServers()) {
  const resolver = new Resolver({ timeout: 2000, tries: 2 });
  if (servers) resolver.setServers(servers);
  return (name: string, rrtype: string) => resolver.resolve(name, rrtype as "TXT");
}
