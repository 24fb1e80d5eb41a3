import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { emailDomain, mailbox } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhook-events/record-webhook-event";
import { mailboxAddress } from "@/lib/address";

/**
 * Undo of a bulk Deactivate (H6 item 4): reactivates, in ONE transaction, each mailbox of the receipt that nothing
 * has changed since (its version is still the one the deactivation gave it), audited as an undo. A mailbox edited,
 * reactivated or deleted in between is left as it is and reported: the undo never overwrites a later change.
 */
export async function undoMailboxesDeactivation(params: {
  orgId: string;
  actorId: string | null;
  receipt: { id: string; version: number }[];
}) {
  return getDb().transaction(async (tx) => {
    const wanted = new Map(params.receipt.map((r) => [r.id, r.version]));
    const rows =
      wanted.size === 0
        ? []
        : await tx
            .select({
              id: mailbox.id,
              name: mailbox.displayName,
              localPart: mailbox.localPart,
              domain: emailDomain.domain,
              active: mailbox.active,
              version: mailbox.version,
            })
            .from(mailbox)
            .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
            .where(and(eq(mailbox.orgId, params.orgId), inArray(mailbox.id, [...wanted.keys()])))
            .orderBy(asc(mailbox.id))
            .for("update", { of: mailbox });
    const restored: string[] = [];
    const kept: { id: string; name: string }[] = [];
    for (const r of rows) {
      if (r.active || r.version !== wanted.get(r.id)) {
        kept.push({ id: r.id, name: r.name });
        continue;
      }
      await tx
        .update(mailbox)
        .set({ active: true, version: r.version + 1, updatedAt: new Date() })
        .where(and(eq(mailbox.id, r.id), eq(mailbox.orgId, params.orgId)));
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "mailbox.deactivation_undone",
        entityType: "mailbox",
        entityId: r.id,
        entityLabel: mailboxAddress(r.localPart, r.domain),
        changes: { active: { from: false, to: true } },
      });
      await recordWebhookEvent(tx, { orgId: params.orgId, type: "mailbox.updated", subjectId: r.id });
      restored.push(r.id);
    }
    return { restored, kept };
  });
}
