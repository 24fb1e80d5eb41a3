import "server-only";
import { eq, sql } from "drizzle-orm";
import { createTransport, type SendMailOptions } from "nodemailer";
import { getDb } from "@/db";
import { demoProviderMessage } from "@/db/schema";
import { receiveRawMessage } from "@/lib/inbound/receive-raw-message";
import { platformMailDomain } from "@/lib/alias";
import { findDemoForwardingRule } from "./find-demo-forwarding-rule";
import { microsoftDsn } from "./microsoft-dsn";
import { platformAliasAddressSql } from "@/lib/address-sql";

/** How long the simulated provider takes before it acts on a message (a real one takes seconds too). */
export const DEMO_PROVIDER_DELAY_MS = 1500;

/**
 * The built-in simulated mail provider of the demo (docs/decisions/0004-demo-mail-provider.md). It takes a message
 * for a demo-domain address, keeps it in its outbox (a table: every instance sees it), and a moment later does what
 * that account's provider would: forward it to the alias through the platform's receiving code, bounce it like
 * Microsoft 365 (a DSN to the envelope sender), or, like Gmail, ask for a forwarding confirmation first.
 */
export async function deliverToDemoProvider(
  message: SendMailOptions & { envelope?: { from: string; to: string[] } },
): Promise<{ messageId: string; outboxId: string }> {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await composer.sendMail(message);
  const raw = info.message as Buffer;
  const to = String(message.to).trim().toLowerCase();
  const envelopeFrom = message.envelope?.from ?? null;
  const [row] = await getDb()
    .insert(demoProviderMessage)
    .values({
      envelopeFrom,
      toAddress: to,
      fromHeader: String(message.from ?? ""),
      subject: String(message.subject ?? ""),
      text: String(message.text ?? "").slice(0, 20_000),
      outcome: "kept",
      detail: "In the inbox.",
    })
    .returning({ id: demoProviderMessage.id });
  const timer = setTimeout(() => {
    processDemoDelivery({ outboxId: row.id, raw, to, envelopeFrom }).catch((e) =>
      console.error(`[demo-provider] ${(e as Error).message}`),
    );
  }, DEMO_PROVIDER_DELAY_MS);
  timer.unref?.();
  return { messageId: info.messageId, outboxId: row.id };
}

/** What the simulated provider does with one message of its outbox. Exported for tests. */
export async function processDemoDelivery(p: {
  outboxId: string;
  raw: Buffer;
  to: string;
  envelopeFrom: string | null;
}) {
  const account = await findDemoForwardingRule(getDb(), p.to);
  const setOutcome = (outcome: string, detail: string) =>
    getDb().update(demoProviderMessage).set({ outcome, detail }).where(eq(demoProviderMessage.id, p.outboxId));
  if (!account) return setOutcome("kept", "In the inbox: this address has no forwarding rule.");
  if (account.behaviour === "forwards" || (account.behaviour === "gmail_confirmation" && account.confirmedAt)) {
    const local = p.to.split("@")[0];
    const domain = p.to.split("@")[1];
    const headers = Buffer.from(
      `X-Forwarded-To: ${account.forwardTo}\r\nX-Forwarded-For: ${p.to} ${account.forwardTo}\r\n`,
    );
    const result = await receiveRawMessage(getDb(), Buffer.concat([headers, p.raw]), {
      mailFrom: `${local}+caf_=${account.forwardTo.replace("@", "=")}@${domain}`,
      rcptTo: [account.forwardTo],
    });
    if (result.refused.length)
      return setOutcome("kept", `Forwarding to ${account.forwardTo} was refused: ${result.refused[0].reply}`);
    if (result.received && !result.received.ok) {
      return setOutcome(
        "kept",
        `Forwarding to ${account.forwardTo} was refused: ${result.received.code} ${result.received.reply}`,
      );
    }
    return setOutcome("forwarded", `Forwarded to ${account.forwardTo}.`);
  }
  if (account.behaviour === "microsoft365_blocks") {
    if (!p.envelopeFrom)
      return setOutcome("kept", "Not forwarded (external forwarding blocked); no envelope sender to report to.");
    const dsn = microsoftDsn({ original: p.raw, from: p.to, alias: account.forwardTo, reportTo: p.envelopeFrom });
    await receiveRawMessage(getDb(), dsn.raw, { mailFrom: null, rcptTo: [p.envelopeFrom] });
    return setOutcome("bounced", `Not forwarded: ${dsn.statusLine} Report sent to ${p.envelopeFrom}.`);
  }
  // Gmail: forwarding starts only after the confirmation sent to the alias has been confirmed. The confirmation
  // is recorded through a path SMTP cannot reach (provider_auth 'demo'), so no one can forge one by mail.
  await getDb().execute(sql`
    insert into inbound_message (org_id, mailbox_id, envelope_from, header_from, subject, message_id, size_bytes, auto_submitted,
                                 kind, provider_auth, confirmation_provider, confirmation_requested_by)
    select mb.org_id, mb.id, 'forwarding-noreply@google.com', 'Simulated Gmail (demo provider)',
           ${`(Gmail Forwarding Confirmation - Receive Mail from ${p.to}`}, ${`<demo-gmail-confirmation-${p.to}@demo-provider.invalid>`},
           ${p.raw.length}, true, 'provider', 'demo', 'gmail', ${p.to}
    from mailbox mb join organization o on o.id = mb.org_id
    where ${platformAliasAddressSql(platformMailDomain())} = ${account.forwardTo}
    on conflict (mailbox_id, message_id) do nothing`);
  return setOutcome(
    "confirmation_sent",
    `Not forwarded yet: Gmail sent its forwarding confirmation to ${account.forwardTo} and waits for it to be confirmed.`,
  );
}
