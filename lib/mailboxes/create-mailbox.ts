import "server-only";
import { and, count, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { mailbox, organization } from "@/db/schema";
import { createdFields, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError, notFound } from "@/lib/errors";
import { aliasAddress } from "@/lib/alias";
import { issueAliasToken } from "./issue-alias-token";
import { duplicateAddress, resolveMailboxValues } from "./resolve-mailbox-values";
import type { MailboxFields } from "./schemas";
import { recordWebhookEvent } from "@/lib/webhook-events/record-webhook-event";

export const limitReached = (limit: number) =>
  new AppError(
    "LIMIT_REACHED",
    `Your organisation has reached its limit of ${limit} mailboxes. Delete a mailbox you no longer need to create another.`,
  );

type CreateMailboxParams = { orgId: string; actorId: string | null } & MailboxFields;

/**
 * Creates a mailbox with a fresh alias (R1–R11). The organisation row is locked for the transaction, so
 * concurrent creates are counted one after the other and the 51st is refused even at the same instant (R10).
 */
export async function createMailbox(params: CreateMailboxParams) {
  try {
    return await getDb().transaction((tx) => createMailboxInTx(tx, params));
  } catch (e) {
    mapConstraintError(e, { mailbox_org_address_unique: duplicateAddress(`${params.localPart}@…`) });
  }
}

/** The same, inside the caller's transaction (the demo seed creates several mailboxes in one). */
export async function createMailboxInTx(tx: Tx, params: CreateMailboxParams) {
  const [org] = await tx
    .select({ id: organization.id, slug: organization.slug, limit: organization.mailboxLimit })
    .from(organization)
    .where(eq(organization.id, params.orgId))
    .for("update");
  if (!org) throw notFound("Organisation");
  const [{ n }] = await tx.select({ n: count() }).from(mailbox).where(eq(mailbox.orgId, org.id));
  if (n >= org.limit) throw limitReached(org.limit);

  const resolved = await resolveMailboxValues(tx, org.id, params);
  const [clash] = await tx
    .select({ id: mailbox.id })
    .from(mailbox)
    .where(
      and(
        eq(mailbox.orgId, org.id),
        eq(mailbox.domainId, resolved.values.domainId),
        eq(mailbox.localPart, resolved.values.localPart),
      ),
    );
  if (clash) throw duplicateAddress(resolved.address);

  const token = await issueAliasToken(tx, org.id);
  const [row] = await tx
    .insert(mailbox)
    .values({ orgId: org.id, aliasToken: token, ...resolved.values })
    .returning();
  await recordAuditEvent(tx, {
    orgId: org.id,
    actorId: params.actorId,
    action: "mailbox.created",
    entityType: "mailbox",
    entityId: row.id,
    entityLabel: resolved.address,
    changes: createdFields({ ...resolved.audit, alias: aliasAddress(token, org.slug) }),
  });
  await recordWebhookEvent(tx, { orgId: org.id, type: "mailbox.created", subjectId: row.id });
  return row;
}
