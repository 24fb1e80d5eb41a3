import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { emailDomain, smartRouting } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { MailboxFields } from "./schemas";
import { mailboxAddress } from "@/lib/address";

export type MailboxValues = {
  displayName: string;
  localPart: string;
  domainId: string;
  timezone: string | null;
  language: string | null;
  smartRoutingId: string | null;
  smartRoutingVersion: "production" | "test" | null;
  endRoutingId: string | null;
  endRoutingVersion: "production" | "test" | null;
};

/** How a mailbox's settings read in its history (names, not ids). */
export type MailboxAuditView = {
  displayName: string;
  address: string;
  timezone: string;
  language: string;
  smartRouting: string | null;
  smartRoutingVersion: "production" | "test" | null;
  endRouting: string | null;
  endRoutingVersion: "production" | "test" | null;
};

/**
 * Checks, inside the caller's transaction, what only the server can know (R3, R8, R9): the domain and the
 * routings are this organisation's, and Production is chosen only for a routing with a published version.
 * Another organisation's domain or routing is "not one of yours", exactly like an unknown id.
 */
export async function resolveMailboxValues(tx: Tx, orgId: string, input: MailboxFields) {
  const [domain] = await tx
    .select({ id: emailDomain.id, domain: emailDomain.domain })
    .from(emailDomain)
    .where(and(eq(emailDomain.id, input.domainId), eq(emailDomain.orgId, orgId)))
    .for("share"); // the domain cannot be removed before this transaction ends (R20)
  if (!domain) throw new AppError("INVALID", "Choose one of your email domains.", "domainId");

  const routingIds = [input.smartRoutingId, input.endRoutingId].filter(Boolean);
  const routings = routingIds.length
    ? await tx
        .select({
          id: smartRouting.id,
          name: smartRouting.name,
          hasPublished: smartRouting.hasPublished,
          hasDraft: smartRouting.hasDraft,
        })
        .from(smartRouting)
        .where(and(inArray(smartRouting.id, routingIds), eq(smartRouting.orgId, orgId)))
        .for("share") // its versions cannot change under us
    : [];

  const routingFor = (id: string, version: string, idField: string, versionField: string) => {
    if (!id) return { id: null, version: null, name: null };
    const r = routings.find((x) => x.id === id);
    if (!r) throw new AppError("INVALID", "Choose one of your smart routings.", idField);
    if (version === "production" && !r.hasPublished)
      throw new AppError(
        "INVALID",
        `“${r.name}” has no published version yet: choose Test, or publish it first.`,
        versionField,
      );
    if (version === "test" && !r.hasDraft)
      throw new AppError("INVALID", `“${r.name}” has no draft version: choose Production.`, versionField);
    return { id: r.id, version: version as "production" | "test", name: r.name };
  };
  const smart = routingFor(input.smartRoutingId, input.smartRoutingVersion, "smartRoutingId", "smartRoutingVersion");
  const end = routingFor(input.endRoutingId, input.endRoutingVersion, "endRoutingId", "endRoutingVersion");

  const values: MailboxValues = {
    displayName: input.displayName,
    localPart: input.localPart,
    domainId: domain.id,
    timezone: input.timezone || null,
    language: input.language || null,
    smartRoutingId: smart.id,
    smartRoutingVersion: smart.version,
    endRoutingId: end.id,
    endRoutingVersion: end.version,
  };
  const audit = mailboxAuditView(values, { domain: domain.domain, smartRouting: smart.name, endRouting: end.name });
  return { values, audit, address: audit.address };
}

/** A mailbox's settings as its history shows them: names instead of ids, "Default" instead of null. */
export function mailboxAuditView(
  m: Pick<
    MailboxValues,
    "displayName" | "localPart" | "timezone" | "language" | "smartRoutingVersion" | "endRoutingVersion"
  >,
  names: { domain: string; smartRouting: string | null; endRouting: string | null },
): MailboxAuditView {
  return {
    displayName: m.displayName,
    address: mailboxAddress(m.localPart, names.domain),
    timezone: m.timezone ?? "Default",
    language: m.language ?? "Default",
    smartRouting: names.smartRouting,
    smartRoutingVersion: m.smartRoutingVersion,
    endRouting: names.endRouting,
    endRoutingVersion: m.endRoutingVersion,
  };
}

export const duplicateAddress = (address: string) =>
  new AppError("ALREADY_EXISTS", `${address} is already a mailbox of your organisation.`, "localPart");
