import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { mailbox, organization } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError } from "@/lib/errors";
import { aliasAddress } from "@/lib/alias";
import { findMailboxQueues, queueNames } from "./find-mailbox-queues";
import { lockMailbox } from "./lock-mailbox";
import { recordWebhookEvent } from "@/lib/webhook-events/record-webhook-event";

const linked = (address: string, queues: { id: string; name: string; isDefault: boolean }[]) =>
  new AppError(
    "IN_USE",
    `${address} is linked to ${queueNames(queues)}. Remove it from ${queues.length === 1 ? "that queue" : "those queues"} first.`,
    undefined,
    { queues },
  );

/**
 * Deletes a mailbox for good (R14), freeing a place under the limit (R10). Refused while it is linked to any
 * queue (the foreign key RESTRICTs it too). Its alias token stays in the registry and is never issued again.
 * With `version` (the API's If-Match), refused when the mailbox has changed since (R12).
 */
export async function deleteMailbox(params: { orgId: string; actorId: string | null; id: string; version?: number }) {
  let address = "";
  try {
    return await getDb().transaction(async (tx) => {
      const current = await lockMailbox(tx, params.orgId, params.id);
      address = current.address;
      // The API's If-Match (R12): a delete based on a version someone has changed since is refused.
      if (params.version !== undefined && current.version !== params.version) {
        throw new AppError(
          "CONFLICT",
          `Someone changed ${current.address} after you read it. Read it again before deleting it.`,
        );
      }
      const queues = await findMailboxQueues(tx, params.orgId, current.id);
      if (queues.length > 0) throw linked(current.address, queues);
      const [org] = await tx
        .select({ slug: organization.slug })
        .from(organization)
        .where(eq(organization.id, params.orgId));
      await tx.delete(mailbox).where(and(eq(mailbox.id, current.id), eq(mailbox.orgId, params.orgId)));
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "mailbox.deleted",
        entityType: "mailbox",
        entityId: current.id,
        entityLabel: current.address,
        changes: {
          displayName: { from: current.displayName, to: null },
          address: { from: current.address, to: null },
          alias: { from: aliasAddress(current.aliasToken, org.slug), to: null },
        },
      });
      await recordWebhookEvent(tx, {
        orgId: params.orgId,
        type: "mailbox.deleted",
        subjectId: current.id,
        snapshot: {
          id: current.id,
          address: current.address,
          alias: aliasAddress(current.aliasToken, org.slug),
          display_name: current.displayName,
          deleted: true,
        },
      });
      return current;
    });
  } catch (e) {
    mapConstraintError(e, {
      queue_mailbox_mailbox_fk: new AppError(
        "IN_USE",
        `${address || "This mailbox"} is linked to a queue. Remove it from its queues first.`,
      ),
    });
  }
}
