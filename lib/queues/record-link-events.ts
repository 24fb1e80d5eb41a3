import "server-only";
import type { Tx } from "@/db";
import type { FieldChanges } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * A change between a queue and a mailbox appears in both histories (R19): one event on the queue and one on
 * the mailbox, written in the caller's transaction.
 */
export async function recordLinkEvents(
  tx: Tx,
  params: {
    orgId: string;
    actorId: string | null;
    action: "queue.mailbox_linked" | "queue.mailbox_unlinked" | "queue.default_changed";
    queue: { id: string; name: string };
    mailbox: { id: string; address: string };
    queueChanges: FieldChanges;
    mailboxChanges: FieldChanges;
  },
): Promise<void> {
  const base = { orgId: params.orgId, actorId: params.actorId, action: params.action };
  await recordAuditEvent(tx, {
    ...base,
    entityType: "queue",
    entityId: params.queue.id,
    entityLabel: params.queue.name,
    changes: params.queueChanges,
  });
  await recordAuditEvent(tx, {
    ...base,
    entityType: "mailbox",
    entityId: params.mailbox.id,
    entityLabel: params.mailbox.address,
    changes: params.mailboxChanges,
  });
}
