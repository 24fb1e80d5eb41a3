import "server-only";
import type { Db } from "@/db";
import { domainStateSentence, unicodeDomain } from "./domain-records";
import { loadDomainFacts } from "./load-domain-sending";
import type { DomainSendingSummary } from "./types";

/** Every domain of the organisation with its sending state (Settings' list), keyed by domain id. Two queries. */
export async function findDomainsSending(
  db: Db,
  params: { orgId: string },
): Promise<Map<string, DomainSendingSummary>> {
  const facts = await loadDomainFacts(db, { orgId: params.orgId });
  return new Map(
    facts.map((f) => {
      const unicode = unicodeDomain(f.domain);
      return [
        f.domainId,
        {
          domainId: f.domainId,
          domain: f.domain,
          domainUnicode: unicode,
          state: f.state,
          stateSentence: domainStateSentence(f.state, unicode),
          lastCheckedAt: f.lastCheckedAt,
          lastSuccessAt: f.lastSuccessAt,
        },
      ];
    }),
  );
}
