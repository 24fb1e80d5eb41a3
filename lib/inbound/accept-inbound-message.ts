import "server-only";
import type { Db } from "@/db";
import { parseBounceAddress } from "@/lib/bounces/bounce-address";
import { handleBounce } from "@/lib/bounces/handle-bounce";
import { parseInboundMessage } from "./parse-inbound-message";
import { recordInboundMessage, type RecordedFor } from "./record-inbound-message";
import { groupByConfirmation } from "@/lib/provider-confirmations/bind-confirmation";
import { resolveAliasRecipient } from "./resolve-alias-recipient";

/**
 * What the SMTP receiver does with one message, in one call, for mail that arrives inside the process (the demo's
 * simulated provider): recipients resolved as at RCPT TO (refused ones are reported, not recorded), bounces to
 * bounce+<token> handled (R27), the message recorded for every accepted alias (R21–R24).
 */
export async function acceptInboundMessage(db: Db, raw: Buffer, envelope: { mailFrom: string | null; rcptTo: string[] }) {
  const recipients: { mailboxId: string; orgId: string; address: string }[] = [];
  const refused: { address: string; reply: string }[] = [];
  const bounceTokens: (string | null)[] = [];
  for (const address of envelope.rcptTo) {
    const bounce = parseBounceAddress(address);
    if (bounce) {
      bounceTokens.push(bounce.token);
      continue;
    }
    const r = await resolveAliasRecipient(db, address);
    if (r.ok) recipients.push({ mailboxId: r.mailboxId, orgId: r.orgId, address: r.address });
    else refused.push({ address, reply: `550 ${r.reply}` });
  }
  const bouncesFailed = bounceTokens.length ? (await handleBounce(db, raw, bounceTokens)).failed : 0;
  const recorded: RecordedFor[] = [];
  if (recipients.length) {
    const message = await parseInboundMessage(raw, envelope);
    for (const group of groupByConfirmation(message, recipients)) recorded.push(...(await recordInboundMessage(db, group)));
  }
  return { recorded, refused, bouncesFailed };
}
