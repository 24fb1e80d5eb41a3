import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { emailDomain, mailbox, smartRouting } from "@/db/schema";
import { diffFields, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError } from "@/lib/errors";
import { lockMailbox } from "./lock-mailbox";
import { duplicateAddress, mailboxAuditView, resolveMailboxValues } from "./resolve-mailbox-values";
import type { MailboxFields } from "./schemas";
import { recordWebhookEvents } from "@/lib/webhook-events/record-webhook-event";
import { mailboxAddress } from "@/lib/address";

export const staleVersion = () =>
  new AppError(
    "CONFLICT",
    "Someone else saved this mailbox after you opened it. Reload to see their changes; your edits are still in the form until you do.",
  );

/** The readable view of a stored mailbox, to diff an edit against (R19). */
async function auditViewOf(tx: Tx, m: typeof mailbox.$inferSelect) {
  const [row] = await tx
    .select({
      domain: emailDomain.domain,
      smartRouting: sql<
        string | null
      >`(select ${smartRouting.name} from ${smartRouting} where ${smartRouting.id} = ${m.smartRoutingId ?? null})`,
      endRouting: sql<
        string | null
      >`(select ${smartRouting.name} from ${smartRouting} where ${smartRouting.id} = ${m.endRoutingId ?? null})`,
    })
    .from(emailDomain)
    .where(eq(emailDomain.id, m.domainId));
  return mailboxAuditView(m, row);
}

/**
 * Saves an edit (R12): every field may change, the address under R2–R4, the alias never (R11). A save
 * based on a version someone else has changed since is refused, never silently overwritten.
 */
export async function updateMailbox(
  params: { orgId: string; actorId: string | null; id: string; version: number } & MailboxFields,
) {
  let address = "";
  try {
    return await getDb().transaction(async (tx) => {
      const current = await lockMailbox(tx, params.orgId, params.id);
      if (current.version !== params.version) throw staleVersion();
      const resolved = await resolveMailboxValues(tx, params.orgId, params);
      address = resolved.address;
      const [clash] = await tx
        .select({ id: mailbox.id })
        .from(mailbox)
        .where(
          and(
            eq(mailbox.orgId, params.orgId),
            eq(mailbox.domainId, resolved.values.domainId),
            eq(mailbox.localPart, resolved.values.localPart),
            ne(mailbox.id, current.id),
          ),
        );
      if (clash) throw duplicateAddress(address);

      const changes = diffFields(await auditViewOf(tx, current), resolved.audit);
      if (Object.keys(changes).length === 0) return current;
      // R25: a verification proved the old address's rule only; the history says the rule must follow.
      if (changes.address) {
        changes.forwarding = {
          from: `rule for ${String(changes.address.from)}`,
          to: `rule for ${address}: change it at your email provider, then verify again`,
        };
      }
      const [row] = await tx
        .update(mailbox)
        .set({ ...resolved.values, version: current.version + 1, updatedAt: new Date() })
        // R12 also in the statement itself: a save based on an old version changes nothing, even if the lock
        // above were lost (e.g. a future refactor reading without FOR UPDATE).
        .where(and(eq(mailbox.id, current.id), eq(mailbox.orgId, params.orgId), eq(mailbox.version, params.version)))
        .returning();
      if (!row) throw staleVersion();
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "mailbox.updated",
        entityType: "mailbox",
        entityId: row.id,
        entityLabel: address,
        changes,
      });
      // H3: an address change also resets the forwarding verification (R25).
      await recordWebhookEvents(tx, [
        { orgId: params.orgId, type: "mailbox.updated", subjectId: row.id },
        ...(changes.address
          ? [{ orgId: params.orgId, type: "mailbox.forwarding.changed" as const, subjectId: row.id }]
          : []),
      ]);
      return row;
    });
  } catch (e) {
    mapConstraintError(e, {
      mailbox_org_address_unique: duplicateAddress(address || mailboxAddress(params.localPart, "…")),
    });
  }
}
