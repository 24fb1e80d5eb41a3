import type { ProviderAuthResult } from "@/db/schema";
import { createDnsResolver } from "@/lib/dns/dns-resolver";

type Resolver = (name: string, rrtype: string) => Promise<string[] | string[][]>;

/** Issue 20 item 4: signatures verified per message, at most (only those whose d= is the provider's domain). */
export const MAX_PROVIDER_SIGNATURES = 3;
/** Issue 20 item 4: one DNS budget per message for its DKIM check: this many lookups, within this time. */
export const DKIM_DNS_BUDGET = { queries: 4, ms: 6000 };

type Field = { name: string; text: string };

/** The header block's fields, each with its folded lines, and the body (raw bytes after the blank line). */
function splitMessage(raw: Buffer): { fields: Field[]; body: Buffer; newline: string } | null {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  const useCrlf = crlf !== -1 && (lf === -1 || crlf < lf);
  const end = useCrlf ? crlf : lf;
  if (end === -1) return null;
  const newline = useCrlf ? "\r\n" : "\n";
  const head = raw.subarray(0, end).toString("latin1");
  const fields: Field[] = [];
  for (const line of head.split(newline)) {
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1].text += `${newline}${line}`;
    else
      fields.push({
        name: line
          .slice(0, Math.max(0, line.indexOf(":")))
          .trim()
          .toLowerCase(),
        text: line,
      });
  }
  return { fields, body: raw.subarray(end + newline.length * 2), newline };
}

function tag(signature: string, name: string): string | null {
  const value = signature.slice(signature.indexOf(":") + 1).replace(/\s+/g, "");
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).toLowerCase() === name) return part.slice(eq + 1);
  }
  return null;
}

/**
 * A resolver that answers at most `queries` lookups within `ms` of its creation, and none once `signal` aborts
 * (the sender disconnected): past the budget each lookup fails at once, so the check ends as "temperror".
 */
export function budgetedResolver(resolver: Resolver, budget = DKIM_DNS_BUDGET, signal?: AbortSignal): Resolver {
  const deadline = Date.now() + budget.ms;
  let used = 0;
  const refuse = (why: string) => Promise.reject(Object.assign(new Error(why), { code: "EBUDGET" }));
  return (name, rrtype) => {
    if (signal?.aborted) return refuse("the sender disconnected");
    if (used >= budget.queries) return refuse("DNS lookup budget spent");
    const left = deadline - Date.now();
    if (left <= 0) return refuse("DNS time budget spent");
    used++;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const bounds = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("DNS time budget spent"), { code: "EBUDGET" })), left);
      onAbort = () => reject(Object.assign(new Error("the sender disconnected"), { code: "EBUDGET" }));
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    return Promise.race([resolver(name, rrtype), bounds]).finally(() => {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    });
  };
}

/**
 * R28: whether a provider's message is authentic: a DKIM signature with d=<domain> that verifies (mailauth, with its
 * DNS through DNS_SERVERS). "temperror" when the key could not be looked up (DNS unreachable, or the message's DNS
 * budget spent): not authentic, but not a forgery either; "fail" when a signature for the domain does not verify,
 * or the message is no evidence whatever its signature says (issue 20 item 5: a duplicated From or Subject, which
 * a reader may show differently from what was signed, or only signatures with l=, which leave the body open to
 * additions); "none" when there is none.
 *
 * Bounded work (issue 20 item 4): only signatures whose d= is the domain are verified, at most
 * MAX_PROVIDER_SIGNATURES of them, with one DNS budget for the message that ends when `signal` aborts.
 */
export async function verifyProviderDkim(
  raw: Buffer,
  domain: string,
  resolver: Resolver = createDnsResolver(),
  options: { signal?: AbortSignal; budget?: typeof DKIM_DNS_BUDGET } = {},
): Promise<Exclude<ProviderAuthResult, "demo">> {
  const message = splitMessage(raw);
  if (!message) return "none";
  const count = (name: string) => message.fields.filter((f) => f.name === name).length;
  if (count("from") > 1 || count("subject") > 1) return "fail";
  const own = message.fields.filter(
    (f) => f.name === "dkim-signature" && (tag(f.text, "d") ?? "").toLowerCase() === domain,
  );
  if (own.length === 0) return "none";
  const usable = own.filter((f) => tag(f.text, "l") === null).slice(0, MAX_PROVIDER_SIGNATURES);
  if (usable.length === 0) return "fail";
  const kept = message.fields.filter((f) => f.name !== "dkim-signature" || usable.includes(f));
  const trimmed = Buffer.concat([
    Buffer.from(kept.map((f) => f.text).join(message.newline) + message.newline + message.newline, "latin1"),
    message.body,
  ]);
  let results;
  try {
    // Loaded on first use: only messages shaped like a provider's confirmation get here, and the receiver should
    // not carry mailauth (and its dependencies) in memory for the rest. The deep path names its file (".js"):
    // mailauth has no "exports" map, and plain Node ESM (the bench's bundle) resolves no extension-less path.
    const { dkimVerify } = await import("mailauth/lib/dkim/verify.js");
    ({ results } = await dkimVerify(trimmed, { resolver: budgetedResolver(resolver, options.budget, options.signal) }));
  } catch {
    return "fail";
  }
  const checked = results.filter((r) => (r.signingDomain ?? "").toLowerCase() === domain);
  if (checked.some((r) => r.status.result === "pass")) return "pass";
  if (checked.some((r) => r.status.result === "temperror")) return "temperror";
  return checked.length ? "fail" : "none";
}
