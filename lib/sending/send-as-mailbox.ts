import "server-only";
import { and, eq } from "drizzle-orm";
import { createTransport, type SendMailOptions } from "nodemailer";
import type { Db } from "@/db";
import { demoProviderMessage, domainDkimKey, mailbox } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { bounceAddress } from "@/lib/bounces/bounce-address";
import { describeSendError, outboundSmtpUrl, outboundTransport } from "@/lib/mail/outbound-mail";
import { generateAliasToken } from "@/lib/alias";
import { logOutboundNotConfigured, PLATFORM_MAIL_UNAVAILABLE } from "@/lib/platform-mail/send-platform-mail";
import { createDemoResolver } from "./demo-dns";
import { openPrivateKey } from "./dkim-secret";
import { cannotSendReason, unicodeDomain } from "./domain-records";
import { fromHeader } from "./from-header";
import { lastDkimReason, loadDomainFacts } from "./load-domain-sending";
import type { SendingResolver } from "./sending-resolver";
import { mailboxAddress } from "@/lib/address";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: SendMailOptions["attachments"];
};
export type SentAsMailbox = {
  messageId: string;
  signedAs: string;
  from: string;
  envelopeFrom: string;
  via: "smtp" | "demo";
  raw: Buffer;
  authenticationResults?: string;
};

/** A mailauth resolver over a SendingResolver (TXT only; every other type is "no record"). */
export function mailauthResolver(resolver: SendingResolver) {
  return async (name: string, rrtype: string) => {
    const notFoundError = Object.assign(new Error(`${name} not found`), { code: "ENOTFOUND" });
    if (rrtype !== "TXT") throw notFoundError;
    const r = await resolver.lookupTxt(name);
    if (r.kind === "answer") return r.records;
    if (r.kind === "none") throw notFoundError;
    throw Object.assign(new Error(`${name}: DNS error`), { code: r.code === "timeout" ? "ETIMEOUT" : "ESERVFAIL" });
  };
}

/** What a receiver would say of the message: mailauth's Authentication-Results against the given DNS. */
export async function authenticationResultsOf(
  raw: Buffer,
  opts: { resolver: SendingResolver; envelopeFrom: string; mta: string },
) {
  const { authenticate } = await import("mailauth");
  const result = await authenticate(raw, {
    ip: "127.0.0.1",
    helo: opts.mta,
    sender: opts.envelopeFrom,
    mta: opts.mta,
    resolver: mailauthResolver(opts.resolver) as never,
    disableArc: true,
    disableBimi: true,
  });
  return { header: String(result.headers ?? "").trim(), result };
}

let composer: ReturnType<typeof createTransport> | undefined;

/** Composes the message and signs it with the domain's key (nodemailer's DKIM signer, relaxed/relaxed). */
export async function composeSigned(
  m: OutgoingMail & { from: string; envelopeFrom: string },
  key: { domainName: string; keySelector: string; privateKey: string },
): Promise<{ raw: Buffer; messageId: string }> {
  composer ??= createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await composer.sendMail({
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    ...(m.html ? { html: m.html } : {}),
    ...(m.attachments ? { attachments: m.attachments } : {}),
    headers: m.headers,
    envelope: { from: m.envelopeFrom, to: [m.to] },
    dkim: key,
  });
  return { raw: info.message as Buffer, messageId: info.messageId };
}

/**
 * The one path that sends mail AS a mailbox (R36): From `Display name <local@domain>`, DKIM-signed with the domain's
 * active key, envelope sender bounce+<token>@PLATFORM_MAIL_DOMAIN (bounces come back as today), through
 * OUTBOUND_SMTP_URL. Refuses, with a sentence, a domain whose DKIM record did not verify at its last check (such a
 * message would fail DKIM at the receiver). The demo organisation without OUTBOUND_SMTP_URL: the demo provider's
 * outbox, with the Authentication-Results mailauth computes against the simulated DNS. Another org's mailbox:
 * NOT_FOUND. The private key never leaves this function (not in errors, not in logs).
 */
export async function sendAsMailbox(
  db: Db,
  params: { orgId: string; mailboxId: string; mail: OutgoingMail; now: Date },
): Promise<SentAsMailbox> {
  const { orgId, mailboxId, mail } = params;
  const [box] = await db
    .select({ displayName: mailbox.displayName, localPart: mailbox.localPart, domainId: mailbox.domainId })
    .from(mailbox)
    .where(and(eq(mailbox.id, mailboxId), eq(mailbox.orgId, orgId)));
  if (!box) throw notFound("That mailbox");
  const [facts] = await loadDomainFacts(db, { orgId, domainIds: [box.domainId] });
  if (!facts) throw notFound("That mailbox");
  const route = outboundSmtpUrl() ? "smtp" : facts.demo ? "demo" : null;
  if (!route) {
    logOutboundNotConfigured();
    throw new AppError("INVALID", PLATFORM_MAIL_UNAVAILABLE);
  }
  const reason = cannotSendReason(facts.state, unicodeDomain(facts.domain), lastDkimReason(facts));
  if (reason) throw new AppError("INVALID", reason, undefined, { domainId: facts.domainId });
  const [key] = await db
    .select({
      selector: domainDkimKey.selector,
      privateKeyEnc: domainDkimKey.privateKeyEnc,
      keyCheck: domainDkimKey.keyCheck,
    })
    .from(domainDkimKey)
    .where(
      and(
        eq(domainDkimKey.orgId, orgId),
        eq(domainDkimKey.domainId, facts.domainId),
        eq(domainDkimKey.state, "active"),
      ),
    );
  if (!key) throw new AppError("INVALID", cannotSendReason("not_set_up", unicodeDomain(facts.domain))!);
  const address = mailboxAddress(box.localPart, facts.domain);
  const from = fromHeader(box.displayName, address);
  const envelopeFrom = bounceAddress(`sm-${generateAliasToken(26)}`);
  const { raw, messageId } = await composeSigned(
    { ...mail, from, envelopeFrom },
    { domainName: facts.domain, keySelector: key.selector, privateKey: openPrivateKey(key) },
  );
  if (route === "demo") {
    const mta = envelopeFrom.split("@")[1];
    const auth = await authenticationResultsOf(raw, { resolver: createDemoResolver(db, orgId), envelopeFrom, mta });
    await db.insert(demoProviderMessage).values({
      envelopeFrom,
      toAddress: mail.to.trim().toLowerCase(),
      fromHeader: from,
      subject: mail.subject,
      text: mail.text.slice(0, 20_000),
      outcome: "kept",
      detail: `In the inbox. ${auth.header}`.slice(0, 2000),
    });
    return {
      messageId,
      signedAs: facts.domain,
      from,
      envelopeFrom,
      via: "demo",
      raw,
      authenticationResults: auth.header,
    };
  }
  const url = outboundSmtpUrl()!;
  const transport = outboundTransport(url);
  try {
    await transport.sendMail({ envelope: { from: envelopeFrom, to: [mail.to] }, raw });
  } catch (e) {
    throw new AppError("INVALID", `The message was not sent: ${describeSendError(e, url)}`);
  } finally {
    transport.close();
  }
  return { messageId, signedAs: facts.domain, from, envelopeFrom, via: "smtp", raw };
}
