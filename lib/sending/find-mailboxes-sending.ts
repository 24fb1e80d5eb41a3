import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { mailbox } from "@/db/schema";
import { cannotSendReason, unicodeDomain } from "./domain-records";
import { lastDkimReason, loadDomainFacts } from "./load-domain-sending";
import { fromHeader } from "./from-header";
import type { MailboxSending } from "./types";
import { mailboxAddress } from "@/lib/address";

/**
 * Per mailbox: can the platform send as it (R36: its domain's DKIM record verified at the last check), and if not,
 * why, in one sentence (S4's Sending panel, S5's flag, S1's "Cannot send" filter). Three queries whatever the
 * number of mailboxes. All the organisation's mailboxes when `mailboxIds` is omitted.
 */
export async function findMailboxesSending(
  db: Db,
  params: { orgId: string; mailboxIds?: string[] },
): Promise<Map<string, MailboxSending>> {
  const { orgId, mailboxIds } = params;
  if (mailboxIds && mailboxIds.length === 0) return new Map();
  const boxes = await db
    .select({
      id: mailbox.id,
      displayName: mailbox.displayName,
      localPart: mailbox.localPart,
      domainId: mailbox.domainId,
    })
    .from(mailbox)
    .where(and(eq(mailbox.orgId, orgId), mailboxIds ? inArray(mailbox.id, mailboxIds) : sql`true`));
  if (boxes.length === 0) return new Map();
  const domains = new Map(
    (await loadDomainFacts(db, { orgId, domainIds: [...new Set(boxes.map((b) => b.domainId))] })).map((f) => [
      f.domainId,
      f,
    ]),
  );
  const out = new Map<string, MailboxSending>();
  for (const b of boxes) {
    const d = domains.get(b.domainId);
    if (!d) continue;
    const reason = cannotSendReason(d.state, unicodeDomain(d.domain), lastDkimReason(d));
    const address = mailboxAddress(b.localPart, d.domain);
    out.set(b.id, {
      mailboxId: b.id,
      domainId: b.domainId,
      from: fromHeader(b.displayName, address),
      address,
      state: d.state,
      canSend: reason === null,
      reason,
    });
  }
  return out;
}

/** The ids of the organisation's mailboxes that the platform may not send as (S1's "Sending" filter). */
export async function findMailboxesCannotSend(db: Db, orgId: string): Promise<Set<string>> {
  const sending = await findMailboxesSending(db, { orgId });
  return new Set([...sending.values()].filter((m) => !m.canSend).map((m) => m.mailboxId));
}
