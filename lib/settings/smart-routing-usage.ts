import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { emailDomain, mailbox } from "@/db/schema";
import { mailboxAddress } from "@/lib/address";

export type RoutingUse = { address: string; role: "smart" | "end"; version: "production" | "test" };

/** The mailboxes that use a smart routing, as Smart Routing or End Smart Routing, with the version they use. */
export async function findSmartRoutingUses(tx: DbOrTx, orgId: string, routingId: string): Promise<RoutingUse[]> {
  const rows = await tx
    .select({
      localPart: mailbox.localPart,
      domain: emailDomain.domain,
      smartRoutingId: mailbox.smartRoutingId,
      smartRoutingVersion: mailbox.smartRoutingVersion,
      endRoutingId: mailbox.endRoutingId,
      endRoutingVersion: mailbox.endRoutingVersion,
    })
    .from(mailbox)
    .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
    .where(
      and(eq(mailbox.orgId, orgId), or(eq(mailbox.smartRoutingId, routingId), eq(mailbox.endRoutingId, routingId))),
    )
    .orderBy(mailbox.localPart);
  const uses: RoutingUse[] = [];
  for (const r of rows) {
    const address = mailboxAddress(r.localPart, r.domain);
    if (r.smartRoutingId === routingId) uses.push({ address, role: "smart", version: r.smartRoutingVersion! });
    if (r.endRoutingId === routingId) uses.push({ address, role: "end", version: r.endRoutingVersion! });
  }
  return uses;
}

export function listAddresses(addresses: string[]): string {
  const unique = [...new Set(addresses)];
  return unique.slice(0, 5).join(", ") + (unique.length > 5 ? ` and ${unique.length - 5} more` : "");
}
