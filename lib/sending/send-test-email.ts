import "server-only";
import { config } from "@/lib/config";
import type { Db } from "@/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { outboundSmtpUrl } from "@/lib/mail/outbound-mail";
import { logOutboundNotConfigured, PLATFORM_MAIL_UNAVAILABLE } from "@/lib/platform-mail/send-platform-mail";
import { findMailboxesSending } from "./find-mailboxes-sending";
import { isDemoOrg } from "./deliver-platform-message";
import { platformMessageHeaders } from "@/lib/mail/platform-headers";
import { sendAsMailbox, type OutgoingMail, type SentAsMailbox } from "./send-as-mailbox";
import { claimSendingBudget, releaseSendingBudget } from "./sending-limits";
import type { TestEmailResult } from "./types";

function testEmailContent(p: { from: string; domain: string; to: string; platform: string }): Omit<OutgoingMail, "to"> {
  return {
    subject: `Test email from ${p.from}`,
    text: [
      `This is a test email sent by ${p.platform} as ${p.from}.`,
      "",
      `It proves that ${p.platform} can send mail as this mailbox: the message is signed with the DKIM key of ` +
        `${p.domain}, whose record is published in ${p.domain}'s DNS. A receiver that checks it reports ` +
        `dkim=pass for ${p.domain} and, with the domain's DMARC record, dmarc=pass.`,
      "",
      "You can ignore this message; no one reads answers to it.",
    ].join("\r\n"),
    headers: platformMessageHeaders(),
  };
}

/**
 * "Send a test email" (R38, S4 and S5): a short signed message as the mailbox to an address the admin typed, through
 * the one sending path (sendAsMailbox, which refuses a domain that cannot send, with its sentence). Limited per
 * mailbox, organisation and recipient (R32's limits), audited on the mailbox. A failed send does not count.
 */
export async function sendTestEmail(
  db: Db,
  params: { orgId: string; actorId: string; mailboxId: string; to: string; now: Date; send?: typeof sendAsMailbox },
): Promise<TestEmailResult> {
  const { orgId, mailboxId, now } = params;
  const to = params.to.trim();
  const box = (await findMailboxesSending(db, { orgId, mailboxIds: [mailboxId] })).get(mailboxId);
  if (!box) throw notFound("That mailbox");
  if (!outboundSmtpUrl() && !(await isDemoOrg(db, orgId))) {
    logOutboundNotConfigured();
    throw new AppError("INVALID", PLATFORM_MAIL_UNAVAILABLE);
  }
  // A domain that cannot send is refused before any budget is used (sendAsMailbox refuses it too).
  if (!box.canSend)
    throw new AppError("INVALID", box.reason ?? "This mailbox cannot send.", undefined, { domainId: box.domainId });
  const platform = config().PLATFORM_NAME;
  const send = params.send ?? sendAsMailbox;
  const claim = await db.transaction((tx) =>
    claimSendingBudget(tx, { orgId, kind: "test_email", mailboxId, recipient: to, actorId: params.actorId, now }),
  );
  let sent: SentAsMailbox;
  try {
    sent = await send(db, {
      orgId,
      mailboxId,
      now,
      mail: { to, ...testEmailContent({ from: box.from, domain: box.address.split("@")[1], to, platform }) },
    });
  } catch (e) {
    await releaseSendingBudget(db, { orgId, id: claim });
    throw e;
  }
  await db.transaction((tx) =>
    recordAuditEvent(tx, {
      orgId,
      actorId: params.actorId,
      action: "mailbox.test_email_sent",
      entityType: "mailbox",
      entityId: mailboxId,
      entityLabel: sent.from.replace(/^.*<|>$/g, ""),
      changes: { testEmailTo: { from: null, to }, signedAs: { from: null, to: sent.signedAs } },
    }),
  );
  return { sentAt: now, to, signedAs: sent.signedAs };
}
