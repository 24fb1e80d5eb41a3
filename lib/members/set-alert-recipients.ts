import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { alertRecipient, membership, organization } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { findAlertRecipients } from "./find-alert-recipients";

/**
 * R47: who receives alerts: every admin (`all_admins`, the default) or the chosen members (at least one, each a
 * member of this organisation). One transaction with its audit event (the names before and after).
 */
export async function setAlertRecipients(params: {
  orgId: string;
  actorId: string;
  mode: "all_admins" | "chosen";
  userIds: string[];
}) {
  return getDb().transaction(async (tx) => {
    const [org] = await tx
      .select({ name: organization.name })
      .from(organization)
      .where(eq(organization.id, params.orgId))
      .for("update");
    const [{ chosen }] = await tx
      .select({ chosen: sql<number>`count(*)::int` })
      .from(alertRecipient)
      .where(eq(alertRecipient.orgId, params.orgId));
    const before = await findAlertRecipients(tx, params.orgId);
    const ids = params.mode === "chosen" ? [...new Set(params.userIds)] : [];
    if (params.mode === "chosen") {
      if (ids.length === 0)
        throw new AppError("INVALID", "Choose at least one member, or choose “All admins”.", "userIds");
      const members = await tx
        .select({ userId: membership.userId })
        .from(membership)
        .where(and(eq(membership.orgId, params.orgId), inArray(membership.userId, ids)));
      if (members.length !== ids.length)
        throw new AppError("NOT_FOUND", "One of the chosen people is no longer a member: reload the page.");
    }
    await tx.delete(alertRecipient).where(eq(alertRecipient.orgId, params.orgId));
    if (ids.length) await tx.insert(alertRecipient).values(ids.map((userId) => ({ orgId: params.orgId, userId })));
    const after = await findAlertRecipients(tx, params.orgId);
    const describe = (mode: string, list: { email: string }[]) =>
      `${mode === "all_admins" ? "All admins" : "Chosen members"}: ${list.map((r) => r.email).join(", ")}`;
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "organization.alert_recipients_changed",
      entityType: "organization",
      entityId: params.orgId,
      entityLabel: org?.name ?? "",
      changes: {
        alertRecipients: {
          from: describe(Number(chosen) > 0 ? "chosen" : "all_admins", before),
          to: describe(params.mode, after),
        },
      },
    });
  });
}
