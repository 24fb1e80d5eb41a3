import "server-only";
import type { Db } from "@/db";
import { notFound } from "@/lib/errors";
import { loadDomainFacts, toDomainSending } from "./load-domain-sending";
import type { DomainSending } from "./types";

/**
 * Everything a domain's set-up page shows (R35), scoped to the organisation: another organisation's domain is
 * NOT_FOUND, whether or not it exists. Read-only: a domain without a key reads "not_set_up" (activeSelector null,
 * only the DMARC row); the page's "Set up sending" action calls ensureDomainKey.
 */
export async function getDomainSendingOrThrow(
  db: Db,
  params: { orgId: string; domainId: string; now: Date },
): Promise<DomainSending> {
  const [facts] = await loadDomainFacts(db, { orgId: params.orgId, domainIds: [params.domainId] });
  if (!facts) throw notFound("That email domain");
  return toDomainSending(facts);
}
