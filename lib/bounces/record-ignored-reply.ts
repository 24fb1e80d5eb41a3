import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { rows } from "@/db/rows";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Issue 20 item 5: a message to bounce+<token> that is no delivery report (an out-of-office reply, anything else)
 * fails nothing, and is recorded as such in the history of the mailbox whose test message it answers, so that an
 * admin who sees "verifying" knows that something came back and why it did not count. Once per verification
 * (a flood of replies adds nothing), and only while the verification is pending. Returns how many it recorded.
 */
export async function recordIgnoredReply(
  db: Db,
  p: { tokens: string[]; autoReply: boolean; now?: Date },
): Promise<number> {
  if (p.tokens.length === 0) return 0;
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    const pending = await rows(
      tx,
      sql`
        select v.org_id::text, v.mailbox_id::text, v.address
        from forwarding_verification v
        where v.token in ${sql`(${sql.join(
          p.tokens.map((t) => sql`${t}`),
          sql`, `,
        )})`}
          and v.verified_at is null and v.failed_at is null and v.expires_at > ${now.toISOString()}::timestamptz
          and not exists (select 1 from audit_event e
                          where e.org_id = v.org_id and e.entity_type = 'mailbox' and e.entity_id = v.mailbox_id::text and e.action = 'mailbox.verification_reply_ignored'
                            and e.created_at >= v.requested_at)
        for update of v`,
      z.object({ org_id: z.string(), mailbox_id: z.string(), address: z.string() }),
    );
    for (const v of pending) {
      await recordAuditEvent(tx, {
        orgId: v.org_id,
        actorId: null,
        action: "mailbox.verification_reply_ignored",
        entityType: "mailbox",
        entityId: v.mailbox_id,
        entityLabel: v.address,
        changes: { reply: { from: null, to: p.autoReply ? "auto_reply" : "not_a_report" } },
      });
    }
    return pending.length;
  });
}
