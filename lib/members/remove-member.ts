import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { membership } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { LAST_ADMIN } from "./change-member-role";
import { lockOrgMember } from "./lock-org-members";

/**
 * R47: removes a member from the organisation (the account stays, with its other memberships), never the last
 * admin; audited. Their alert subscription goes with the membership (foreign key, cascade).
 */
export async function removeMember(params: { orgId: string; actorId: string; userId: string }) {
  return getDb().transaction(async (tx) => {
    const { member, admins } = await lockOrgMember(tx, params);
    if (member.role === "admin" && admins <= 1) throw new AppError("INVALID", LAST_ADMIN);
    await tx.delete(membership).where(and(eq(membership.orgId, params.orgId), eq(membership.userId, params.userId)));
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "member.removed",
      entityType: "user",
      entityId: params.userId,
      entityLabel: member.email,
      changes: { role: { from: member.role, to: null } },
    });
  });
}
