import "server-only";
import { and, count, desc, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { sendingMessage } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { DAY_MS, recipientBudgetLimits, tryAgainIn, verificationLimits } from "@/lib/forwarding/verification-limits";

// R38: test emails and records mailed to a DNS admin are limited like R32's test messages (the same limits, from
// the same configuration): a cooldown per mailbox (or domain), a daily cap per organisation, and a daily cap per
// recipient address across organisations (anyone may type any address). Counted in the database under locks.

export type SendingKind = "test_email" | "dns_records";

/** Claims one message of the budget in `tx` (or refuses with when to try again); returns the claim's id. */
export async function claimSendingBudget(
  tx: Tx,
  p: {
    orgId: string;
    kind: SendingKind;
    mailboxId?: string;
    domainId?: string;
    recipient: string;
    actorId: string | null;
    now: Date;
  },
): Promise<string> {
  const limits = verificationLimits();
  const { now } = p;
  const recipient = p.recipient.trim().toLowerCase();
  // Lock order: the organisation's sending lock, then the recipient address's lock.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`send-org:${p.orgId}`}))`);
  const subject = p.mailboxId
    ? eq(sendingMessage.mailboxId, p.mailboxId)
    : eq(sendingMessage.domainId, p.domainId ?? "");
  const [last] = await tx
    .select({ sentAt: sendingMessage.sentAt })
    .from(sendingMessage)
    .where(and(eq(sendingMessage.orgId, p.orgId), eq(sendingMessage.kind, p.kind), subject))
    .orderBy(desc(sendingMessage.sentAt))
    .limit(1);
  if (last && now.getTime() - last.sentAt.getTime() < limits.cooldownMs) {
    const what = p.kind === "test_email" ? "A test email was sent from this mailbox" : "These records were sent";
    throw new AppError(
      "LIMIT_REACHED",
      `${what} moments ago. Try again ${tryAgainIn(new Date(last.sentAt.getTime() + limits.cooldownMs), now)}.`,
    );
  }
  const since = new Date(now.getTime() - DAY_MS);
  const windowOf = async (where: ReturnType<typeof and>) => {
    const [r] = await tx
      .select({ n: count(), oldest: sql<string | null>`min(${sendingMessage.sentAt})` })
      .from(sendingMessage)
      .where(and(where, gt(sendingMessage.sentAt, since)));
    return { n: Number(r.n), until: r.oldest ? new Date(new Date(r.oldest).getTime() + DAY_MS) : now };
  };
  const org = await windowOf(eq(sendingMessage.orgId, p.orgId));
  if (org.n >= limits.perOrgPerDay) {
    throw new AppError(
      "LIMIT_REACHED",
      `Your organisation has sent ${limits.perOrgPerDay} test emails and records in the last 24 hours, the daily limit. Try again ${tryAgainIn(org.until, now)}.`,
      "to",
    );
  }
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`send-address:${recipient}`}))`);
  // Per (organisation, address), so that one organisation never spends another's budget (R32, issue 20); and a
  // ceiling across organisations for the recipient's sake.
  const budget = recipientBudgetLimits();
  const perAddress = await windowOf(and(eq(sendingMessage.orgId, p.orgId), eq(sendingMessage.recipient, recipient)));
  const allOrgs = await windowOf(eq(sendingMessage.recipient, recipient));
  const over =
    perAddress.n >= budget.perOrgPerAddressPerDay
      ? perAddress
      : allOrgs.n >= budget.allOrgsPerAddressPerDay
        ? allOrgs
        : null;
  if (over) {
    const n = over === perAddress ? budget.perOrgPerAddressPerDay : budget.allOrgsPerAddressPerDay;
    throw new AppError(
      "LIMIT_REACHED",
      `${recipient} has received ${n} messages from the platform in the last 24 hours, the daily limit for one address. Try again ${tryAgainIn(over.until, now)}.`,
      "to",
    );
  }
  const [row] = await tx
    .insert(sendingMessage)
    .values({
      orgId: p.orgId,
      kind: p.kind,
      mailboxId: p.mailboxId ?? null,
      domainId: p.domainId ?? null,
      recipient,
      actorId: p.actorId,
      sentAt: now,
    })
    .returning({ id: sendingMessage.id });
  return row.id;
}

/** Gives a claim back when its message could not be sent (so that the failure does not count). */
export async function releaseSendingBudget(db: Db, p: { orgId: string; id: string }): Promise<void> {
  await db.delete(sendingMessage).where(and(eq(sendingMessage.id, p.id), eq(sendingMessage.orgId, p.orgId)));
}
