import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, forwardingVerification, inboundMessage } from "@/db/schema";
import { bounceAddress } from "@/lib/bounces/bounce-address";
import { formatAuditValue } from "@/lib/audit/describe";
import { bounceExplanation } from "@/lib/bounces/explain-bounce";
import { MAX_STATUS_LINE } from "@/lib/bounces/parse-bounce";
import { generateVerificationToken } from "@/lib/mail/verification-token";
import { aliasAddress } from "@/lib/alias";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { createSmtpReceiver, type SmtpReceiver } from "@/lib/inbound/create-smtp-receiver";
import { smtpDialog } from "@/tests/smtp-test-client";

// R27: bounces of test messages come back to bounce+<token>@<platform mail domain> and fail their pending
// verification at once, with the provider's status line and an explanation; the rest is accepted and dropped.
let receiver: SmtpReceiver;
let t: TestOrg;
let support: Awaited<ReturnType<typeof insertTestMailbox>>;
let address: string;
let token: string;

beforeAll(async () => {
  receiver = createSmtpReceiver({
    port: 0,
    host: "127.0.0.1",
    closeTimeoutMs: 200,
    log: { info: () => {}, error: () => {} },
  });
  await receiver.start();
});
afterAll(() => receiver.stop());
beforeEach(async () => {
  t = await createTestOrg();
  support = await insertTestMailbox(t, { localPart: "support" });
  address = `support@${t.domains[0].domain}`;
  token = generateVerificationToken();
  await getDb()
    .insert(forwardingVerification)
    .values({ orgId: t.org.id, mailboxId: support.id, token, address, expiresAt: new Date(Date.now() + 15 * 60_000) });
});

const verification = async () =>
  (await getDb().select().from(forwardingVerification).where(eq(forwardingVerification.token, token)))[0];
const report = (name: string, tok = token) =>
  readFileSync(path.join(import.meta.dirname, "../inbound/fixtures", name))
    .toString()
    .replaceAll("BOUNCE", bounceAddress(tok))
    .replaceAll("ADDRESS", address)
    .replaceAll("ALIAS", aliasAddress(support.aliasToken, t.org.slug))
    .replaceAll("TOKEN", tok);

/** Sends as a bounce is sent: the null envelope sender MAIL FROM:<>, to the bounce address. Returns the replies. */
async function bounce(raw: string, to = bounceAddress(token)) {
  const s = await smtpDialog(receiver.port);
  await s.send("EHLO mx.provider.example");
  const mail = await s.send("MAIL FROM:<>");
  const rcpt = await s.send(`RCPT TO:<${to}>`);
  await s.send("DATA");
  s.write(raw.replace(/\r?\n\./g, "\r\n.."));
  const end = await s.send("\r\n.");
  await s.send("QUIT");
  return { mail, rcpt, end };
}

describe("R27 a bounce for a pending verification fails it at once, explained", () => {
  it.each([
    [
      "Microsoft 365 external forwarding blocked (5.7.520 AS(7555))",
      "dsn-m365-forwarding-blocked.eml",
      "m365_forwarding_blocked",
      /^550 5\.7\.520 Access denied, Your organization does not allow external forwarding\. .*AS\(7555\)$/,
    ],
    [
      "Microsoft 365 spam block (5.7.520 AS(4810)), not the forwarding policy",
      "dsn-m365-spam-4810.eml",
      "m365_spam_block",
      /AS\(4810\)/,
    ],
    [
      "an unknown mailbox (5.1.1, folded Diagnostic-Code)",
      "dsn-unknown-user-5.1.1.eml",
      "mailbox_unknown",
      /^550-5\.1\.1 The email account that you tried to reach does not exist/,
    ],
    ["a full mailbox in a plain-text NDR (5.2.2)", "ndr-plain-quota.eml", "quota", /^552 5\.2\.2 Mailbox full/],
    ["relay denied in a plain-text NDR (5.7.1)", "ndr-plain-relay.eml", "relay_denied", /^554 5\.7\.1 /],
    [
      "an unrecognised status (5.7.26), still failed with its status line",
      "dsn-unrecognised.eml",
      "unrecognised",
      /^550 5\.7\.26 Unauthenticated email/,
    ],
  ])("%s", async (_label, name, kind, line) => {
    const replies = await bounce(report(name));
    expect(replies.rcpt).toMatch(/^250/);
    expect(replies.end).toMatch(/^250/);
    const v = await verification();
    expect(v).toMatchObject({ failureReason: "bounce", bounceKind: kind });
    expect(v.failedAt).not.toBeNull();
    expect(v.bounceStatus).toMatch(line);
    // The history says it in a sentence, by the platform, with the explanation's title and the status line.
    const [event] = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.action, "mailbox.verification_failed")));
    expect(event).toMatchObject({ actorId: null, entityId: support.id, entityLabel: address });
    expect(event.changes.why?.to).toEqual({ code: "bounce", kind, status: v.bounceStatus }); // a code, read in the reader's language
    expect(formatAuditValue(event.changes.why?.to, "why")).toBe(`${bounceExplanation(kind).title}: ${v.bounceStatus}`);
    // The report is not recorded as mail of the mailbox, and nothing answers it.
    expect(await getDb().select().from(inboundMessage).where(eq(inboundMessage.mailboxId, support.id))).toHaveLength(0);
  });

  it("explains 5.7.520 AS(7555) with what to change and Microsoft's documentation", () => {
    const e = bounceExplanation("m365_forwarding_blocked");
    expect(e.text).toContain("outbound");
    expect(e.text).toContain("Automatic forwarding rules");
    expect(e.link?.href).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(bounceExplanation("m365_spam_block").title).toContain("not the forwarding policy");
  });
});

describe("R27 the provider's status line, as shown", () => {
  it("is the parsed status and diagnostic, without control or direction characters, cut to a sane length", async () => {
    const long = `550 5.7.1 \u202eeciton\u202c Message refused ${"because of policy ".repeat(60)}`;
    const raw = report("dsn-unrecognised.eml").replace(/^Diagnostic-Code: .*$/m, `Diagnostic-Code: smtp; ${long}`);
    await bounce(raw);
    const v = await verification();
    expect(v.failedAt).not.toBeNull();
    expect(v.bounceStatus).toMatch(/^550 5\.7\.1 eciton Message refused because of policy/);
    expect(v.bounceStatus).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
    expect(v.bounceStatus!.length).toBeLessThanOrEqual(MAX_STATUS_LINE);
    expect(v.bounceStatus).toMatch(/…$/);
  });
});

describe("R27 bounces that change nothing: accepted and dropped, never answered", () => {
  it("a 'delayed' report leaves the verification pending", async () => {
    await expectUnchanged(t.org.id, async () => {
      expect((await bounce(report("dsn-delayed.eml"))).end).toMatch(/^250/);
    });
    expect(await verification()).toMatchObject({ failedAt: null, verifiedAt: null });
  });

  it("a bounce for an unknown token, a malformed one, or a finished verification", async () => {
    const unknown = generateVerificationToken();
    await expectUnchanged(t.org.id, async () => {
      const a = await bounce(report("dsn-m365-forwarding-blocked.eml", unknown), bounceAddress(unknown));
      expect(a.rcpt).toMatch(/^250/);
      expect(a.end).toMatch(/^250/);
      const b = await bounce(
        report("dsn-m365-forwarding-blocked.eml"),
        `bounce+nonsense@${bounceAddress(token).split("@")[1]}`,
      );
      expect(b.rcpt).toMatch(/^250/);
      expect(b.end).toMatch(/^250/);
    });
    await getDb()
      .update(forwardingVerification)
      .set({ verifiedAt: new Date() })
      .where(eq(forwardingVerification.token, token));
    await expectUnchanged(t.org.id, async () => {
      expect((await bounce(report("dsn-m365-forwarding-blocked.eml"))).end).toMatch(/^250/);
    });
    expect(await verification()).toMatchObject({ failedAt: null });
  });

  const ignoredReplies = async () =>
    getDb()
      .select({ changes: auditEvent.changes, actorId: auditEvent.actorId })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, support.id), eq(auditEvent.action, "mailbox.verification_reply_ignored")));

  it("issue 20 item 5: an out-of-office reply to bounce+<token> fails nothing, and is recorded as such, once", async () => {
    const replies = await bounce(report("auto-reply-out-of-office.eml"));
    expect(replies.rcpt).toMatch(/^250/);
    expect(replies.end).toMatch(/^250 .*not a delivery report/);
    expect(await verification()).toMatchObject({ failedAt: null, verifiedAt: null, bounceStatus: null });
    expect(await ignoredReplies()).toEqual([{ actorId: null, changes: { reply: { from: null, to: "auto_reply" } } }]);
    // A second (or a hundredth) reply to the same test message adds nothing to the history.
    await expectUnchanged(t.org.id, async () => {
      expect((await bounce(report("auto-reply-out-of-office.eml"))).end).toMatch(/^250/);
    });
  });

  it("issue 20 item 5: nor does a message that only looks like one (its text has a status, it is no report)", async () => {
    const raw = report("ndr-plain-quota.eml").replace(
      "From: MAILER-DAEMON@mx1.hosting.example",
      "From: someone@else.example",
    );
    expect((await bounce(raw)).end).toMatch(/^250/);
    expect(await verification()).toMatchObject({ failedAt: null });
    expect(await ignoredReplies()).toEqual([{ actorId: null, changes: { reply: { from: null, to: "not_a_report" } } }]);
  });

  it("issue 20 item 5: a reply to a finished verification records nothing", async () => {
    await getDb()
      .update(forwardingVerification)
      .set({ verifiedAt: new Date() })
      .where(eq(forwardingVerification.token, token));
    await expectUnchanged(t.org.id, async () => {
      expect((await bounce(report("auto-reply-out-of-office.eml"))).end).toMatch(/^250/);
    });
  });

  it("bounce addresses on another domain are refused like any other non-alias", async () => {
    const s = await smtpDialog(receiver.port);
    await s.send("EHLO x");
    await s.send("MAIL FROM:<>");
    expect(await s.send(`RCPT TO:<bounce+${token}@elsewhere.example>`)).toMatch(/^550 5\.1\.1/);
    await s.send("QUIT");
  });
});
