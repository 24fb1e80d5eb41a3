import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { membership } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { lockOrgMember } from "./lock-org-members";

export const LAST_ADMIN =
  "This is the organisation's last admin: make another member an admin first, so that someone can still manage it.";

/** R47: changes a member's role (admin ↔ agent), never leaving the organisation without an admin; audited. */
export async function changeMemberRole(params: {
  orgId: string;
  actorId: string;
  userId: string;
  role: "admin" | "agent";
}) {
  return getDb().transaction(async (tx) => {
    const { member, admins } = await lockOrgMember(tx, params);
    if (member.role === params.role) return { changed: false };
    if (member.role === "admin" && admins <= 1) throw new AppError("INVALID", LAST_ADMIN);
    await tx
      .update(membership)
      .set({ role: params.role })
      .where(and(eq(membership.orgId, params.orgId), eq(membership.userId, params.userId)));
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "member.role_changed",
      entityType: "user",
      entityId: params.userId,
      entityLabel: member.email,
      changes: { role: { from: member.role, to: params.role } },
    });
    return { changed: true };
  });
}
