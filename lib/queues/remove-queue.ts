import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { queue } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findQueueLinks } from "./find-queue-links";
import { lockQueue } from "./lock-queue";

/**
 * Removes a queue (S5). Its mailboxes are unlinked (the links go with the queue; the mailboxes stay), and
 * each of those mailboxes' histories records the unlink (R19), in the same transaction.
 */
export async function removeQueue(params: { orgId: string; actorId: string | null; id: string }) {
  return getDb().transaction(async (tx) => {
    const current = await lockQueue(tx, params.orgId, params.id);
    const links = await findQueueLinks(tx, params.orgId, current.id);
    await tx.delete(queue).where(and(eq(queue.id, current.id), eq(queue.orgId, params.orgId)));
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "queue.removed",
      entityType: "queue",
      entityId: current.id,
      entityLabel: current.name,
      changes: { name: { from: current.name, to: null } },
    });
    for (const link of links) {
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "queue.mailbox_unlinked",
        entityType: "mailbox",
        entityId: link.mailboxId,
        entityLabel: link.address,
        changes: {
          queue: { from: current.name, to: null },
          ...(link.isDefault ? { defaultOf: { from: current.name, to: null } } : {}),
        },
      });
    }
    return { ...current, unlinked: links };
  });
}
