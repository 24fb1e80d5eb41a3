import { dkimVerify } from "mailauth/lib/dkim/verify";
import type { ProviderAuthResult } from "@/db/schema";
import { createDnsResolver } from "./dns-resolver";

/**
 * R28: whether a provider's message is authentic: a DKIM signature with d=<domain> that verifies (mailauth, with its
 * DNS through DNS_SERVERS). "temperror" when the key could not be looked up (DNS unreachable): not authentic, but
 * not a forgery either; "fail" when a signature for the domain does not verify; "none" when there is none.
 */
export async function verifyProviderDkim(raw: Buffer, domain: string, resolver = createDnsResolver()): Promise<Exclude<ProviderAuthResult, "demo">> {
  let results;
  try {
    ({ results } = await dkimVerify(raw, { resolver }));
  } catch {
    return "fail";
  }
  const own = results.filter((r) => (r.signingDomain ?? "").toLowerCase() === domain);
  if (own.some((r) => r.status.result === "pass")) return "pass";
  if (own.some((r) => r.status.result === "temperror")) return "temperror";
  return own.length ? "fail" : "none";
}
