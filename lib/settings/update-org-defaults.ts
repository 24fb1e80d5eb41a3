import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { organization } from "@/db/schema";
import { diffFields, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notFound } from "@/lib/errors";
import type { OrgDefaults } from "./schemas";

/** Changes the organisation's default timezone and language (S6), with its audit event. */
export async function updateOrgDefaults(params: { orgId: string; actorId: string } & OrgDefaults) {
  return getDb().transaction(async (tx) => {
    const [org] = await tx.select().from(organization).where(eq(organization.id, params.orgId)).for("update");
    if (!org) throw notFound("Organisation");
    const changes = diffFields(org, { timezone: params.timezone, language: params.language });
    if (Object.keys(changes).length === 0) return org;
    const [updated] = await tx
      .update(organization)
      .set({ timezone: params.timezone, language: params.language, updatedAt: new Date() })
      .where(eq(organization.id, params.orgId))
      .returning();
    await recordAuditEvent(tx, {
      orgId: org.id,
      actorId: params.actorId,
      action: "organization.defaults_updated",
      entityType: "organization",
      entityId: org.id,
      entityLabel: org.name,
      changes,
    });
    return updated;
  });
}
