import "server-only";
import { and, eq } from "drizzle-orm";
import { createTransport, type SendMailOptions } from "nodemailer";
import type { Db } from "@/db";
import { demoProviderMessage, organization } from "@/db/schema";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { AppError } from "@/lib/errors";
import { describeSendError, outboundSender, outboundSmtpUrl, outboundTransport } from "@/lib/mail/outbound-mail";
import { platformMessageHeaders } from "@/lib/mail/platform-headers";
import { logOutboundNotConfigured, PLATFORM_MAIL_UNAVAILABLE } from "@/lib/platform-mail/send-platform-mail";

export async function isDemoOrg(db: Db, orgId: string): Promise<boolean> {
  const [o] = await db
    .select({ slug: organization.slug })
    .from(organization)
    .where(and(eq(organization.id, orgId)));
  return o?.slug === DEMO_ORG_SLUG;
}

/**
 * One of the platform's own messages with attachments (the records for a DNS admin): through OUTBOUND_SMTP_URL, or,
 * for the demo organisation without it, into the demo provider's outbox (whatever the recipient: nothing leaves).
 */
export async function deliverPlatformMessage(
  db: Db,
  p: { orgId: string; to: string; subject: string; text: string; attachments?: SendMailOptions["attachments"] },
): Promise<{ via: "smtp" | "demo" }> {
  const message = {
    from: outboundSender(),
    to: p.to,
    subject: p.subject,
    text: p.text,
    attachments: p.attachments,
    headers: platformMessageHeaders(),
  };
  const url = outboundSmtpUrl();
  if (url) {
    const transport = outboundTransport(url);
    try {
      await transport.sendMail(message);
    } catch (e) {
      throw new AppError("INVALID", `The message was not sent: ${describeSendError(e, url)}`);
    } finally {
      transport.close();
    }
    return { via: "smtp" };
  }
  if (!(await isDemoOrg(db, p.orgId))) {
    logOutboundNotConfigured();
    throw new AppError("INVALID", PLATFORM_MAIL_UNAVAILABLE);
  }
  await createTransport({ streamTransport: true, buffer: true }).sendMail(message); // composes it, as a real send would
  await db.insert(demoProviderMessage).values({
    toAddress: p.to.trim().toLowerCase(),
    fromHeader: message.from,
    subject: p.subject,
    text: p.text.slice(0, 20_000),
    outcome: "kept",
    detail: "In the inbox.",
  });
  return { via: "demo" };
}
