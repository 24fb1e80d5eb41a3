import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { emailDomain, mailbox, queue, queueMailbox } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhook-events/record-webhook-event";
import { queueNames } from "./find-mailbox-queues";
import { mailboxAddress } from "@/lib/address";

/** One selected mailbox's fate in a bulk deactivation (H6 item 4): what happens to it, or why it is refused. */
export type DeactivationPlan = {
  /** Will be deactivated: they stop receiving mail. */
  deactivate: { id: string; name: string; address: string }[];
  /** Already inactive: nothing changes for them. */
  unchanged: { id: string; name: string }[];
  /** Refused, each with its reason (R17: a queue's default sender stays active). */
  refused: { id: string; name: string; reason: string }[];
};

const refusal = (address: string, defaults: { name: string }[]) =>
  `${address} is the default sender of ${queueNames(defaults)}. Make another mailbox the default of ${defaults.length === 1 ? "that queue" : "those queues"} first.`;

/**
 * The selected mailboxes with what a deactivation would do to each, read in `tx` (FOR UPDATE when `lock`, so the
 * run applies exactly the plan it states). Another organisation's mailboxes, or missing ones, are left out, as not
 * found. Locks are taken in id order, so two bulk runs over overlapping selections cannot deadlock.
 */
async function planIn(tx: DbOrTx, orgId: string, ids: string[], lock: boolean) {
  const q = tx
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
    .where(and(eq(mailbox.orgId, orgId), inArray(mailbox.id, [...new Set(ids)])))
    .orderBy(asc(mailbox.id));
  const rows = lock ? await q.for("update", { of: mailbox }) : await q;
  const defaults =
    rows.length === 0
      ? []
      : await tx
          .select({ mailboxId: queueMailbox.mailboxId, name: queue.name })
          .from(queueMailbox)
          .innerJoin(queue, and(eq(queue.id, queueMailbox.queueId), eq(queue.orgId, queueMailbox.orgId)))
          .where(
            and(
              eq(queueMailbox.orgId, orgId),
              eq(queueMailbox.isDefault, true),
              inArray(
                queueMailbox.mailboxId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .orderBy(asc(queue.name));
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const plan: DeactivationPlan & { versions: Map<string, number> } = {
    deactivate: [],
    unchanged: [],
    refused: [],
    versions: new Map(),
  };
  for (const r of rows) {
    const address = mailboxAddress(r.localPart, r.domain);
    const mine = defaults.filter((d) => d.mailboxId === r.id);
    plan.versions.set(r.id, r.version);
    if (!r.active) plan.unchanged.push({ id: r.id, name: r.name });
    else if (mine.length > 0) plan.refused.push({ id: r.id, name: r.name, reason: refusal(address, mine) });
    else plan.deactivate.push({ id: r.id, name: r.name, address });
  }
  return plan;
}

/** The dry run shown before a bulk Deactivate: nothing is written. */
export async function planMailboxesDeactivation(params: { orgId: string; ids: string[] }): Promise<DeactivationPlan> {
  const { deactivate, unchanged, refused } = await planIn(getDb(), params.orgId, params.ids, false);
  return { deactivate, unchanged, refused };
}

/**
 * Deactivates the selected mailboxes that may be (R13, R17) in ONE transaction, with an audit event each, and
 * returns the plan it applied with each deactivated mailbox's new version: the receipt its Undo presents.
 */
export async function deactivateMailboxes(params: { orgId: string; actorId: string | null; ids: string[] }) {
  return getDb().transaction(async (tx) => {
    const { versions, ...plan } = await planIn(tx, params.orgId, params.ids, true);
    const done: { id: string; version: number }[] = [];
    for (const m of plan.deactivate) {
      const version = versions.get(m.id)! + 1;
      await tx
        .update(mailbox)
        .set({ active: false, version, updatedAt: new Date() })
        .where(and(eq(mailbox.id, m.id), eq(mailbox.orgId, params.orgId)));
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "mailbox.deactivated",
        entityType: "mailbox",
        entityId: m.id,
        entityLabel: m.address,
        changes: { active: { from: true, to: false } },
      });
      await recordWebhookEvent(tx, { orgId: params.orgId, type: "mailbox.updated", subjectId: m.id });
      done.push({ id: m.id, version });
    }
    return { ...plan, done };
  });
}
