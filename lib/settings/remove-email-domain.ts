import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { emailDomain, mailbox } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError, notFound } from "@/lib/errors";
import { mailboxAddress } from "@/lib/address";

function inUse(domain: string, addresses: string[]) {
  const list = addresses.slice(0, 5).join(", ") + (addresses.length > 5 ? ` and ${addresses.length - 5} more` : "");
  return new AppError(
    "IN_USE",
    `${domain} is used by ${addresses.length === 1 ? "the mailbox" : `${addresses.length} mailboxes:`} ${list}. Change or delete ${addresses.length === 1 ? "it" : "them"} first.`,
    "domain",
    { addresses },
  );
}

/** Removes an email domain, refused while a mailbox uses it (R20; the foreign key RESTRICTs it too). */
export async function removeEmailDomain(params: { orgId: string; actorId: string; id: string }) {
  try {
    return await getDb().transaction(async (tx) => {
      const [domain] = await tx
        .select()
        .from(emailDomain)
        .where(and(eq(emailDomain.id, params.id), eq(emailDomain.orgId, params.orgId)))
        .for("update");
      if (!domain) throw notFound("That email domain");
      const users = await tx
        .select({ localPart: mailbox.localPart })
        .from(mailbox)
        .where(and(eq(mailbox.orgId, params.orgId), eq(mailbox.domainId, domain.id)))
        .orderBy(mailbox.localPart);
      if (users.length > 0)
        throw inUse(
          domain.domain,
          users.map((u) => mailboxAddress(u.localPart, domain.domain)),
        );
      await tx.delete(emailDomain).where(and(eq(emailDomain.id, domain.id), eq(emailDomain.orgId, params.orgId)));
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "email_domain.removed",
        entityType: "email_domain",
        entityId: domain.id,
        entityLabel: domain.domain,
        changes: { domain: { from: domain.domain, to: null } },
      });
      return domain;
    });
  } catch (e) {
    mapConstraintError(e, {
      mailbox_domain_fk: new AppError(
        "IN_USE",
        "This domain is used by a mailbox. Change or delete it first.",
        "domain",
      ),
    });
  }
}
