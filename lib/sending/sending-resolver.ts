import { Resolver } from "node:dns/promises";
import { dnsServers } from "@/lib/dns/dns-resolver";
import type { TxtLookup } from "./dns-answer";

// R35: DNS lookups for the sending checks, through the resolvers of DNS_SERVERS (as R28), a few seconds per lookup.
// A timeout, SERVFAIL or refusal is an error ("could not check"), never "not found".

export type SendingResolver = { lookupTxt(name: string): Promise<TxtLookup> };

export const LOOKUP_TIMEOUT_MS = 3000;

function errorKind(code: string | undefined): TxtLookup {
  if (code === "ENOTFOUND" || code === "ENODATA") return { kind: "none", cname: null };
  if (code === "ETIMEOUT" || code === "ETIMEDOUT") return { kind: "error", code: "timeout" };
  if (code === "ESERVFAIL") return { kind: "error", code: "servfail" };
  if (code === "EREFUSED" || code === "ECONNREFUSED") return { kind: "error", code: "refused" };
  return { kind: "error", code: "other" };
}

/** A promise that settles by `ms` at the latest (a hard bound above the resolver's own timeout). */
function bounded<T>(p: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout), ms)))]).finally(
    () => clearTimeout(timer),
  );
}

/** A resolver on DNS_SERVERS (or the given servers), one try of `timeoutMs` per lookup. */
export function createSendingResolver(opts: { servers?: string[] | null; timeoutMs?: number } = {}): SendingResolver {
  const timeoutMs = opts.timeoutMs ?? LOOKUP_TIMEOUT_MS;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  const servers = opts.servers === undefined ? dnsServers() : opts.servers;
  if (servers) resolver.setServers(servers);
  return {
    async lookupTxt(name: string): Promise<TxtLookup> {
      const txt = resolver.resolveTxt(name).then(
        (records): TxtLookup => ({ kind: "answer", records, cname: null }),
        (e: { code?: string }) => errorKind(e?.code),
      );
      // The CNAME (if any) only explains a match ("through an alias"); its failure changes nothing.
      const cname = resolver.resolveCname(name).then(
        (names) => names[0] ?? null,
        () => null,
      );
      const [result, alias] = await bounded(Promise.all([txt, cname]), timeoutMs * 2 + 500, [
        { kind: "error", code: "timeout" } as TxtLookup,
        null,
      ]);
      if (result.kind === "error") return result;
      return { ...result, cname: alias } as TxtLookup;
    },
  };
}
