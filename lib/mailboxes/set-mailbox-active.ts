import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { mailbox } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { findMailboxQueues, queueNames } from "./find-mailbox-queues";
import { lockMailbox } from "./lock-mailbox";
import { recordWebhookEvent } from "@/lib/webhook-events/record-webhook-event";

/**
 * Activates or deactivates a mailbox (R13). A deactivated mailbox keeps all its settings and receives no
 * mail. Deactivation is refused while the mailbox is the default sender of a queue (R17); the refusal names
 * the queues. The mailbox row is locked FOR UPDATE, and the queue services lock it FOR SHARE before making
 * it a default, so the two cannot cross.
 */
export async function setMailboxActive(params: { orgId: string; actorId: string | null; id: string; active: boolean }) {
  return getDb().transaction(async (tx) => {
    const current = await lockMailbox(tx, params.orgId, params.id);
    if (current.active === params.active) return current;
    if (!params.active) {
      const defaults = (await findMailboxQueues(tx, params.orgId, current.id)).filter((q) => q.isDefault);
      if (defaults.length > 0) {
        throw new AppError(
          "IN_USE",
          `${current.address} is the default sender of ${queueNames(defaults)}. Make another mailbox the default of ${defaults.length === 1 ? "that queue" : "those queues"} first.`,
          undefined,
          { queues: defaults },
        );
      }
    }
    const [row] = await tx
      .update(mailbox)
      .set({ active: params.active, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(mailbox.id, current.id), eq(mailbox.orgId, params.orgId)))
      .returning();
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: params.active ? "mailbox.activated" : "mailbox.deactivated",
      entityType: "mailbox",
      entityId: current.id,
      entityLabel: current.address,
      changes: { active: { from: current.active, to: params.active } },
    });
    await recordWebhookEvent(tx, { orgId: params.orgId, type: "mailbox.updated", subjectId: current.id });
    return row;
  });
}
