import "server-only";
import type { Db } from "@/db";
import { findDomainsSending } from "./find-domains-sending";
import { getDomainSendingOrThrow } from "./get-domain-sending-or-throw";

/**
 * The demo provider page's simulated DNS (issue 19 item 9): each of the organisation's domains with its records and
 * their last results. The services behind it simulate DNS for the demo organisation only.
 */
export async function loadDemoDns(db: Db, params: { orgId: string; now?: Date }) {
  const now = params.now ?? new Date();
  const summaries = [...(await findDomainsSending(db, { orgId: params.orgId })).values()];
  return Promise.all(
    summaries.map((d) => getDomainSendingOrThrow(db, { orgId: params.orgId, domainId: d.domainId, now })),
  );
}
export type DemoDnsDomain = Awaited<ReturnType<typeof loadDemoDns>>[number];
