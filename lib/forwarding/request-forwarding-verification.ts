import "server-only";
import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { emailDomain, forwardingVerification, mailbox, organization } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { AppError, notFound } from "@/lib/errors";
import { describeSendError, outboundSmtpUrl } from "@/lib/mail/outbound-mail";
import { logOutboundNotConfigured, platformMailRoute } from "@/lib/platform-mail/send-platform-mail";
import { aliasAddress } from "@/lib/alias";
import { sendVerificationMessage, type VerificationMessage } from "./send-verification-message";
import { settleVerificationsIn } from "./settle-verifications";
import { DAY_MS, refundTestMessage, spendTestMessage, tryAgainIn, verificationLimits } from "./verification-limits";
import { generateVerificationToken } from "@/lib/mail/verification-token";
import { config } from "@/lib/config";
import { mailboxAddress } from "@/lib/address";

/** What a tenant administrator reads when the platform cannot send test messages (the operator's detail is logged). */
export const TEST_MESSAGES_NOT_ENABLED =
  "The platform administrator has not enabled test messages yet, so forwarding cannot be verified automatically. " +
  "Meanwhile, confirm it yourself: send an email to the mailbox's address from another account and watch it arrive below.";

type Send = (m: VerificationMessage) => Promise<unknown>;

/**
 * R22 "Verify forwarding": records a verification of the mailbox's CURRENT address (R25) with a single-use token
 * and its audit event in one transaction, then sends the test message. R32's limits hold on the server, in the
 * same transaction, counted in the database: one pending verification per mailbox (also a partial unique index),
 * a cooldown between requests, a daily cap per organisation and per recipient address; a refusal says when to
 * try again. `actorId` null is the platform itself (scheduled re-verification), `automatic` marks it so.
 * A message that cannot be sent removes its verification again, so the status does not claim to wait for it.
 */
export async function requestForwardingVerification(
  params: { orgId: string; actorId: string | null; mailboxId: string; automatic?: boolean; now?: Date },
  send: Send = sendVerificationMessage,
) {
  const now = params.now ?? new Date();
  const timeoutMs = config().VERIFY_TIMEOUT;
  const limits = verificationLimits();
  const token = generateVerificationToken();
  const { verification, budgetEntryId, target } = await getDb().transaction(async (tx) => {
    // Lock order: the organisation's verification lock, the mailbox row, the recipient address's lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`fv-org:${params.orgId}`}))`);
    const [row] = await tx
      .select({
        id: mailbox.id,
        active: mailbox.active,
        localPart: mailbox.localPart,
        domain: emailDomain.domain,
        aliasToken: mailbox.aliasToken,
        slug: organization.slug,
        locale: sql<string>`coalesce(${mailbox.language}, ${organization.language})`,
        timeZone: sql<string>`coalesce(${mailbox.timezone}, ${organization.timezone})`,
      })
      .from(mailbox)
      .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
      .innerJoin(organization, eq(organization.id, mailbox.orgId))
      .where(and(eq(mailbox.id, params.mailboxId), eq(mailbox.orgId, params.orgId)))
      .for("update", { of: mailbox });
    if (!row) throw notFound("That mailbox");
    if (!row.active) {
      throw new AppError(
        "INVALID",
        "Activate the mailbox first: mail to the alias of an inactive mailbox is refused, so the test message could not come back.",
      );
    }
    const address = mailboxAddress(row.localPart, row.domain);
    const route = platformMailRoute(address);
    if (!route || (route === "demo" && row.slug !== DEMO_ORG_SLUG)) {
      logOutboundNotConfigured();
      throw new AppError("INVALID", TEST_MESSAGES_NOT_ENABLED);
    }
    await settleVerificationsIn(tx, { orgId: params.orgId, mailboxId: row.id, now });
    const [pending] = await tx
      .select({ expiresAt: forwardingVerification.expiresAt })
      .from(forwardingVerification)
      .where(
        and(
          eq(forwardingVerification.mailboxId, row.id),
          isNull(forwardingVerification.verifiedAt),
          isNull(forwardingVerification.failedAt),
        ),
      );
    if (pending) {
      throw new AppError(
        "LIMIT_REACHED",
        `A test message is already on its way to ${address}: wait for it (at most until it times out, ${tryAgainIn(pending.expiresAt, now)}).`,
      );
    }
    const [last] = await tx
      .select({ requestedAt: forwardingVerification.requestedAt })
      .from(forwardingVerification)
      .where(eq(forwardingVerification.mailboxId, row.id))
      .orderBy(desc(forwardingVerification.requestedAt))
      .limit(1);
    if (last && now.getTime() - last.requestedAt.getTime() < limits.cooldownMs) {
      const until = new Date(last.requestedAt.getTime() + limits.cooldownMs);
      throw new AppError(
        "LIMIT_REACHED",
        `A test message was sent to ${address} moments ago. Try again ${tryAgainIn(until, now)}.`,
      );
    }
    const since = new Date(now.getTime() - DAY_MS);
    const windowOf = async (where: ReturnType<typeof and>) => {
      const [r] = await tx
        .select({ n: count(), oldest: sql<string | null>`min(${forwardingVerification.requestedAt})` })
        .from(forwardingVerification)
        .where(and(where, gt(forwardingVerification.requestedAt, since)));
      return { n: Number(r.n), until: r.oldest ? new Date(new Date(r.oldest).getTime() + DAY_MS) : now };
    };
    const org = await windowOf(eq(forwardingVerification.orgId, params.orgId));
    if (org.n >= limits.perOrgPerDay) {
      throw new AppError(
        "LIMIT_REACHED",
        `Your organisation has sent ${limits.perOrgPerDay} test messages in the last 24 hours, the daily limit. Try again ${tryAgainIn(org.until, now)}.`,
      );
    }
    // The recipient's budget: per (organisation, normalised address), and a ceiling across organisations that
    // never blocks an organisation with a verified rule from it (issue 20.2). Its own lock, taken last.
    const spent = await spendTestMessage(tx, { orgId: params.orgId, address, kind: "forwarding_verification", now });
    const [created] = await tx
      .insert(forwardingVerification)
      .values({
        orgId: params.orgId,
        mailboxId: row.id,
        token,
        address,
        requestedBy: params.actorId,
        automatic: params.automatic ?? false,
        requestedAt: now,
        expiresAt: new Date(now.getTime() + timeoutMs),
      })
      .returning();
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: params.automatic ? "mailbox.verification_scheduled" : "mailbox.verification_requested",
      entityType: "mailbox",
      entityId: row.id,
      entityLabel: address,
    });
    return {
      verification: created,
      budgetEntryId: spent.entryId,
      target: { address, alias: aliasAddress(row.aliasToken, row.slug), locale: row.locale, timeZone: row.timeZone },
    };
  });
  try {
    await send({
      to: target.address,
      alias: target.alias,
      token,
      timeoutMs,
      platformName: config().PLATFORM_NAME,
      automatic: params.automatic,
      locale: target.locale,
      timeZone: target.timeZone,
    });
  } catch (e) {
    await getDb()
      .delete(forwardingVerification)
      .where(and(eq(forwardingVerification.id, verification.id), eq(forwardingVerification.orgId, params.orgId)));
    await refundTestMessage(getDb(), { orgId: params.orgId, entryId: budgetEntryId });
    if (e instanceof AppError) throw e;
    const url = outboundSmtpUrl() ?? "";
    console.error(`[forwarding] test message to ${target.address} not sent: ${describeSendError(e, url)}`);
    throw new AppError("INVALID", `The test message could not be sent: ${describeSendError(e, url)}`);
  }
  return {
    id: verification.id,
    requestedAt: verification.requestedAt,
    expiresAt: verification.expiresAt,
    address: target.address,
    alias: target.alias,
  };
}
