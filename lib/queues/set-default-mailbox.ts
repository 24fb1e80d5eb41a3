import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { queueMailbox } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError } from "@/lib/errors";
import { findQueueLinks } from "./find-queue-links";
import { lockQueue } from "./lock-queue";
import { recordLinkEvents } from "./record-link-events";
import { shareLockMailbox } from "./share-lock-mailbox";
import { recordWebhookEvent } from "@/lib/webhook-events/record-webhook-event";

/**
 * Makes a linked mailbox the queue's default sender (R16, R17), unsetting the previous default in the same
 * transaction. Under the queue's row lock, so that two concurrent requests leave exactly one default; the
 * mailbox row is then locked FOR SHARE and `active` re-read, so a concurrent deactivation cannot slip in.
 */
export async function setDefaultMailbox(params: {
  orgId: string;
  actorId: string | null;
  queueId: string;
  mailboxId: string;
}) {
  try {
    return await getDb().transaction(async (tx) => {
      const q = await lockQueue(tx, params.orgId, params.queueId);
      const mb = await shareLockMailbox(tx, params.orgId, params.mailboxId);
      const links = await findQueueLinks(tx, params.orgId, q.id);
      const target = links.find((l) => l.mailboxId === mb.id);
      if (!target) {
        throw new AppError(
          "NOT_FOUND",
          `${mb.address} is not linked to “${q.name}”. Add it to the queue first.`,
          "mailboxId",
        );
      }
      if (target.isDefault) return { ...target, changed: false };
      if (!mb.active) {
        throw new AppError(
          "INVALID",
          `${mb.address} is inactive, and the default mailbox sends the queue's email, so it must be active. Activate it first.`,
          "mailboxId",
        );
      }
      const previous = links.find((l) => l.isDefault);
      // Unset first: the partial unique index allows one default per queue at any moment.
      if (previous) {
        await tx
          .update(queueMailbox)
          .set({ isDefault: false })
          .where(
            and(
              eq(queueMailbox.orgId, params.orgId),
              eq(queueMailbox.queueId, q.id),
              eq(queueMailbox.mailboxId, previous.mailboxId),
            ),
          );
      }
      await tx
        .update(queueMailbox)
        .set({ isDefault: true })
        .where(
          and(eq(queueMailbox.orgId, params.orgId), eq(queueMailbox.queueId, q.id), eq(queueMailbox.mailboxId, mb.id)),
        );
      await recordLinkEvents(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "queue.default_changed",
        queue: q,
        mailbox: mb,
        queueChanges: { defaultMailbox: { from: previous?.address ?? null, to: mb.address } },
        mailboxChanges: { defaultOf: { from: null, to: q.name } },
      });
      // The previous default's history shows that it stopped being the default too.
      if (previous) {
        await recordAuditEvent(tx, {
          orgId: params.orgId,
          actorId: params.actorId,
          action: "queue.default_changed",
          entityType: "mailbox",
          entityId: previous.mailboxId,
          entityLabel: previous.address,
          changes: { defaultOf: { from: q.name, to: null } },
        });
      }
      await recordWebhookEvent(tx, { orgId: params.orgId, type: "queue.default.changed", subjectId: q.id });
      return { ...target, isDefault: true, changed: true };
    });
  } catch (e) {
    mapConstraintError(e, {
      queue_mailbox_one_default: new AppError(
        "CONFLICT",
        "Someone changed this queue's default at the same moment. Reload and try again.",
      ),
    });
  }
}
