import { Resolver } from "node:dns/promises";
import { dnsServers } from "@/lib/dns/dns-resolver";
import type { HostResolver } from "./ssrf-guard";

/** A and AAAA of a webhook's host through the project's resolvers (DNS_SERVERS, else the system's). */
export function createWebhookHostResolver(servers: string[] | null = dnsServers()): HostResolver {
  const resolver = new Resolver({ timeout: 2000, tries: 2 });
  if (servers) resolver.setServers(servers);
  return async (host) => {
    const [v4, v6] = await Promise.all([
      resolver.resolve4(host).catch(() => []),
      resolver.resolve6(host).catch(() => []),
    ]);
    return [
      ...v4.map((address) => ({ address, family: 4 as const })),
      ...v6.map((address) => ({ address, family: 6 as const })),
    ];
  };
}
