import { isIPv4, isIPv6 } from "node:net";

/**
 * R21 (fair share): the key under which a client's connections are counted. An IPv4 address counts alone (also
 * when written as an IPv4-mapped IPv6 address, ::ffff:192.0.2.1); an IPv6 address counts with its whole /64, the
 * block one subscriber or one host usually has, so that a client cannot take more slots by changing its low bits.
 */
export function smtpClientKey(address: string | undefined | null): string {
  const a = (address ?? "")
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const mapped = /^(?:0{0,4}:){0,5}ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(a)) return a;
  if (!isIPv6(a)) return a || "unknown";
  return `${expandIPv6(a).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, each without leading zeros (an embedded IPv4 tail converted). */
function expandIPv6(a: string): string[] {
  let text = a;
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const [b0, b1, b2, b3] = v4[1].split(".").map(Number);
    text = `${text.slice(0, -v4[1].length)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16).toString(16));
}
