import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { emailDomain } from "@/db/schema";
import { createdFields, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError } from "@/lib/errors";
import { ensureDomainKey } from "@/lib/sending/ensure-domain-key";

const duplicate = (domain: string) =>
  new AppError("ALREADY_EXISTS", `${domain} is already one of your email domains.`, "domain");

/** Adds an email domain to the organisation; unique per organisation (friendly check, then the constraint). */
export async function addEmailDomain(params: { orgId: string; actorId: string; domain: string }) {
  try {
    const added = await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: emailDomain.id })
        .from(emailDomain)
        .where(and(eq(emailDomain.orgId, params.orgId), eq(emailDomain.domain, params.domain)));
      if (existing) throw duplicate(params.domain);
      const [row] = await tx.insert(emailDomain).values({ orgId: params.orgId, domain: params.domain }).returning();
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "email_domain.added",
        entityType: "email_domain",
        entityId: row.id,
        entityLabel: row.domain,
        changes: createdFields({ domain: row.domain }),
      });
      return row;
    });
    await ensureDomainKey(db, { orgId: params.orgId, domainId: added.id, now: new Date() }); // R34: its DKIM key
    return added;
  } catch (e) {
    mapConstraintError(e, { email_domain_org_domain_unique: duplicate(params.domain) });
  }
}
