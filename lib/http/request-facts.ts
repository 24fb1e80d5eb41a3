// Who is asking, and over what: the client's address and whether it came over HTTPS, from the socket, or from
// X-Forwarded-* only when the operator declares a trusted proxy (TRUST_PROXY). Pure functions: proxy.ts, the
// sign-in limiter and the tests share them.
import { config, type Config } from "@/lib/config";

/** Headers the server stamps on every request from its socket (see install-socket-facts.ts). Never from a client. */
export const SOCKET_ADDRESS_HEADER = "x-ino-socket-address";
export const SOCKET_PROTO_HEADER = "x-ino-socket-proto";

/**
 * The client address decided by `clientAddress` (socket or TRUST_PROXY), set by the server on the headers it hands
 * to Better Auth, which records it in the session (its `ipAddressHeaders`); any value the client sent is replaced.
 */
export const CLIENT_ADDRESS_HEADER = "x-ino-client-address";

type HeaderBag = { get(name: string): string | null };

/**
 * TRUST_PROXY: how many reverse proxies in front of the app append to X-Forwarded-For (e.g. `1` for one
 * nginx or load balancer; `true` means 1). Unset, `0` or `false`: the headers are ignored, because any
 * client can send them.
 */
export function trustedProxyHops(c: Config = config()): number {
  const v = (c.TRUST_PROXY ?? "").toLowerCase();
  if (v === "true" || v === "yes") return 1;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n < 10 ? n : 0;
}

/** The address the request came from: the socket's, or the one the nearest trusted proxy saw. */
export function clientAddress(h: HeaderBag, c: Config = config()): string {
  const socket = normaliseAddress(h.get(SOCKET_ADDRESS_HEADER) ?? "") || "unknown";
  const hops = trustedProxyHops(c);
  if (hops === 0) return socket;
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => normaliseAddress(s))
    .filter(Boolean);
  // Each trusted proxy appended the address it saw: the client is `hops` entries from the right.
  return chain[chain.length - hops] ?? socket;
}

/** True when the browser reached the app over HTTPS: a TLS socket, or a trusted proxy's X-Forwarded-Proto. */
export function isHttpsRequest(h: HeaderBag, c: Config = config()): boolean {
  if (h.get(SOCKET_PROTO_HEADER) === "https") return true;
  if (trustedProxyHops(c) === 0) return false;
  const protos = (h.get("x-forwarded-proto") ?? "").split(",").map((s) => s.trim().toLowerCase());
  return protos[protos.length - 1] === "https" || protos[0] === "https";
}

function normaliseAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  if (a.startsWith("::ffff:") && a.includes(".")) a = a.slice(7); // IPv4-mapped IPv6
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  return /^[0-9a-f.:]{2,45}$/.test(a) ? a : "";
}
