import "server-only";
import { getDb } from "@/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clearAccountSignInLimits } from "@/lib/auth/sign-in-limiter";
import { lockOrgMember } from "./lock-org-members";

/**
 * R31/R47: an admin clears a member's sign-in limit (the account's delay and every address's lock on it; not the
 * addresses' own limits, which are someone's network). Only for a member of the admin's organisation; audited.
 */
export async function clearMemberSignInLimit(params: { orgId: string; actorId: string; userId: string }) {
  return getDb().transaction(async (tx) => {
    const { member } = await lockOrgMember(tx, params);
    const removed = await clearAccountSignInLimits(tx, member.email);
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "user.sign_in_limit_cleared",
      entityType: "user",
      entityId: member.userId,
      entityLabel: member.email,
    });
    return { email: member.email, cleared: removed > 0 };
  });
}
