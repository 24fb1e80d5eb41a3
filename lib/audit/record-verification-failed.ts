import "server-only";
import type { Tx } from "@/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { FailureReason } from "@/lib/mailbox-state/failure-reason";
import { recordWebhookEvent } from "@/lib/webhook-events/record-webhook-event";

/**
 * R19, R27: a verification's failure in the mailbox's history, by the platform, with why it failed: a CODE with
 * its parameters (never English), rendered by the history in the reader's language (lib/audit/describe.ts).
 */
export async function recordVerificationFailed(
  tx: Tx,
  v: { orgId: string; mailboxId: string; address: string },
  why: FailureReason,
) {
  await recordAuditEvent(tx, {
    orgId: v.orgId,
    actorId: null,
    action: "mailbox.verification_failed",
    entityType: "mailbox",
    entityId: v.mailboxId,
    entityLabel: v.address,
    changes: { why: { from: null, to: why } },
  });
  await recordWebhookEvent(tx, { orgId: v.orgId, type: "mailbox.forwarding.changed", subjectId: v.mailboxId });
}
