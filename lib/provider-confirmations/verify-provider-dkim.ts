import type { ProviderAuthResult } from "@/db/schema";
import { createDnsResolver } from "@/lib/provider-confirmations/dns-resolver";

/**
 * R28: whether a provider's message is authentic: a DKIM signature with d=<domain> that verifies (mailauth, with its
 * DNS through DNS_SERVERS). "temperror" when the key could not be looked up (DNS unreachable): not authentic, but
 * not a forgery either; "fail" when a signature for the domain does not verify; "none" when there is none.
 */
export async function verifyProviderDkim(raw: Buffer, domain: string, resolver = createDnsResolver()): Promise<Exclude<ProviderAuthResult, "demo">> {
  let results;
  try {
    // Loaded on first use: only messages shaped like a provider's confirmation get here, and the receiver should
    // not carry mailauth (and its dependencies) in memory for the rest. The deep path names its file (".js"):
    // mailauth has no "exports" map, and plain Node ESM (the bench's bundle) resolves no extension-less path.
    const { dkimVerify } = await import("mailauth/lib/dkim/verify.js");
    ({ results } = await dkimVerify(raw, { resolver }));
  } catch {
    return "fail";
  }
  const own = results.filter((r) => (r.signingDomain ?? "").toLowerCase() === domain);
  if (own.some((r) => r.status.result === "pass")) return "pass";
  if (own.some((r) => r.status.result === "temperror")) return "temperror";
  return own.length ? "fail" : "none";
}
