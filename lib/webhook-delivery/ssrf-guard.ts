import { BlockList, isIP } from "node:net";

// R52 (SSRF): a webhook is never sent into the platform's own network. The URL's host is resolved at each attempt
// and every address it resolves to must be public: loopback, private, shared (CGNAT), link-local (with the cloud
// metadata address 169.254.169.254 and fd00:ec2::254), multicast and reserved space are refused, unless
// WEBHOOK_ALLOW_PRIVATE=1 (tests, private installs). The connection goes to the address that was checked.

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["64:ff9b::", 96],
  ["100::", 64],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** True for an address a webhook may not be sent to (IPv4-mapped IPv6 judged as its IPv4). */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1], "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export type HostResolver = (host: string) => Promise<{ address: string; family: 4 | 6 }[]>;

export class RefusedAddressError extends Error {
  constructor(readonly code: "refused_private_address" | "dns_failed") {
    super(code);
    this.name = "RefusedAddressError";
  }
}

/** The address to connect to: the host's addresses, each checked; refused if any is forbidden or none is found. */
export async function resolveDeliveryAddress(
  host: string,
  resolve: HostResolver,
  allowPrivate: boolean,
): Promise<{ address: string; family: 4 | 6 }> {
  const bare = host.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  const addresses = family ? [{ address: bare, family: family as 4 | 6 }] : await resolve(bare).catch(() => []);
  if (addresses.length === 0) throw new RefusedAddressError("dns_failed");
  if (!allowPrivate && addresses.some((a) => isForbiddenAddress(a.address)))
    throw new RefusedAddressError("refused_private_address");
  return addresses[0];
}
