import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { date, rows } from "@/db/rows";
import { failureOf } from "@/lib/mailbox-state/failure-reason";
import { recordVerificationFailed } from "@/lib/audit/record-verification-failed";
import { verificationExpired } from "./verification-expiry";
import { mailboxAddressSql } from "@/lib/address-sql";

const settledRow = z.object({
  orgId: z.string(),
  mailboxId: z.string(),
  address: z.string(),
  requestedAt: date(),
  expiresAt: date(),
  failureReason: z.enum(["timeout", "address_changed"]),
});

/**
 * Finishes, for every organisation, the pending verifications that can no longer succeed: expired ones (their test
 * message did not come back in time: failed at their timeout) and ones for an address their mailbox no longer has
 * (R25). Each outcome gets its history line (R19), with why as a code. Run by the health tick (once a minute) for
 * every mailbox, and by "Verify forwarding" for its mailbox (inside its transaction: `mailboxId`), never by a page:
 * a GET only reads. Idempotent and safe with two ticks at once: the update takes each row once.
 */
export async function settleVerifications(db: Db, p: { now: Date; orgId?: string }): Promise<number> {
  return db.transaction((tx) => settleVerificationsIn(tx, p));
}

export async function settleVerificationsIn(
  tx: Tx,
  p: { now: Date; orgId?: string; mailboxId?: string },
): Promise<number> {
  const at = sql`${p.now.toISOString()}::timestamptz`;
  const scope = p.mailboxId
    ? sql`and v.org_id = ${p.orgId}::uuid and v.mailbox_id = ${p.mailboxId}::uuid`
    : p.orgId
      ? sql`and v.org_id = ${p.orgId}::uuid`
      : sql``;
  {
    const settled = await rows(
      tx,
      sql`
        update forwarding_verification v
        set failed_at = case when ${verificationExpired("v", p.now)} then v.expires_at else ${at} end,
            failure_reason = case when ${verificationExpired("v", p.now)} then 'timeout' else 'address_changed' end
        from mailbox m, email_domain d
        where m.id = v.mailbox_id and m.org_id = v.org_id and d.id = m.domain_id
          and v.verified_at is null and v.failed_at is null
          and (${verificationExpired("v", p.now)} or v.address <> ${mailboxAddressSql()}) ${scope}
        returning v.org_id::text as "orgId", v.mailbox_id::text as "mailboxId", v.address,
                  v.requested_at as "requestedAt", v.expires_at as "expiresAt", v.failure_reason as "failureReason"`,
      settledRow,
    );
    for (const v of settled) await recordVerificationFailed(tx, v, failureOf(v)!);
    return settled.length;
  }
}
