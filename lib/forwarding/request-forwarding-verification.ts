import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { emailDomain, forwardingVerification, mailbox, organization } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { aliasAddress } from "@/lib/mailboxes/alias";
import { describeSendError, outboundSmtpUrl } from "./outbound-mail";
import { sendVerificationMessage, type VerificationMessage } from "./send-verification-message";
import { generateVerificationToken } from "./verification-token";
import { verifyTimeoutMs } from "./verify-timeout";

export const OUTBOUND_NOT_CONFIGURED =
  "The platform cannot send the test message: OUTBOUND_SMTP_URL is not set. Set it to your outgoing mail server " +
  "(for example smtp://user:password@smtp.mycompany.com:587) in the server's environment and restart the app.";

type Send = (url: string, m: VerificationMessage) => Promise<unknown>;

/**
 * R22 "Verify forwarding": records a verification with a single-use token (status → pending) and its audit
 * event in one transaction, then sends the test message to the mailbox's real address. The status is derived
 * from that row on every read (pending until it comes back through the alias or expires: no timer). A message
 * that cannot be sent removes its verification again, so the status does not claim to wait for it.
 */
export async function requestForwardingVerification(
  params: { orgId: string; actorId: string | null; mailboxId: string; automatic?: boolean; now?: Date },
  send: Send = sendVerificationMessage,
) {
  const url = outboundSmtpUrl();
  if (!url) throw new AppError("INVALID", OUTBOUND_NOT_CONFIGURED);
  const timeoutMs = verifyTimeoutMs();
  const token = generateVerificationToken();

  const { verification, target } = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: mailbox.id, active: mailbox.active, localPart: mailbox.localPart, domain: emailDomain.domain, aliasToken: mailbox.aliasToken, slug: organization.slug, locale: sql<string>`coalesce(${mailbox.language}, ${organization.language})`, timeZone: sql<string>`coalesce(${mailbox.timezone}, ${organization.timezone})` })
      .from(mailbox)
      .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
      .innerJoin(organization, eq(organization.id, mailbox.orgId))
      .where(and(eq(mailbox.id, params.mailboxId), eq(mailbox.orgId, params.orgId)))
      .for("update", { of: mailbox });
    if (!row) throw notFound("That mailbox");
    if (!row.active) {
      throw new AppError("INVALID", "Activate the mailbox first: mail to the alias of an inactive mailbox is refused, so the test message could not come back.");
    }
    const address = `${row.localPart}@${row.domain}`;
    const [created] = await tx
      .insert(forwardingVerification)
      .values({
        orgId: params.orgId,
        mailboxId: row.id,
        token,
        requestedBy: params.actorId,
        requestedAt: params.now ?? new Date(),
        expiresAt: new Date((params.now ?? new Date()).getTime() + timeoutMs),
      })
      .returning();
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "mailbox.verification_requested",
      entityType: "mailbox",
      entityId: row.id,
      entityLabel: address,
    });
    return { verification: created, target: { address, alias: aliasAddress(row.aliasToken, row.slug), locale: row.locale, timeZone: row.timeZone } };
  });

  try {
    await send(url, { to: target.address, alias: target.alias, token, timeoutMs, platformName: process.env.PLATFORM_NAME ?? "INO cx", locale: target.locale, timeZone: target.timeZone });
  } catch (e) {
    await db.delete(forwardingVerification).where(and(eq(forwardingVerification.id, verification.id), eq(forwardingVerification.orgId, params.orgId)));
    console.error(`[forwarding] test message to ${target.address} not sent: ${describeSendError(e, url)}`);
    throw new AppError("INVALID", `The test message could not be sent: ${describeSendError(e, url)}`);
  }
  return { id: verification.id, requestedAt: verification.requestedAt, expiresAt: verification.expiresAt, address: target.address, alias: target.alias };
}
