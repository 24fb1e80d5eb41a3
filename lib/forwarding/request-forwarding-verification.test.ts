import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, forwardingVerification, inboundMessage, mailbox } from "@/db/schema";
import { mailRoundTrip } from "@/tests/mail-round-trip";
import { sendRaw } from "@/tests/smtp-test-client";
import { aliasAddress } from "@/lib/alias";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { requestForwardingVerification } from "./request-forwarding-verification";
import { findHealthFacts } from "@/lib/health/find-health-facts";
import { stateLabel } from "@/lib/mailbox-state/state-map";
import { eventually } from "@/tests/eventually";

let t: TestOrg;
let support: Awaited<ReturnType<typeof insertTestMailbox>>;
let address: string;
let alias: string;

// What S4's badge says (lib/mailbox-state).
const statusOf = async (mailboxId: string, now = new Date()) =>
  stateLabel((await findHealthFacts(getDb(), { orgId: t.org.id, mailboxId }, now))[0].health);

beforeEach(async () => {
  // Each test gets its own mail domain, so the fake provider's rules never leak between tests.
  t = await createTestOrg({ domains: [`${crypto.randomUUID().slice(0, 8)}.mycompany.test`] });
  support = await insertTestMailbox(t, { localPart: "support" });
  address = `support@${t.domains[0].domain}`;
  alias = aliasAddress(support.aliasToken, t.org.slug);
  delete process.env.VERIFY_TIMEOUT;
});
afterEach(() => {
  delete process.env.VERIFY_TIMEOUT;
});
// The shared provider accepts mail for no domain; mail.providerFor(domain) starts one for a test's domain.
const mail = mailRoundTrip();

describe("R22 forwarding verification", () => {
  it("goes unknown → pending → verified when the test message comes back through the alias, with its audit event", async () => {
    const p = await mail.providerFor(t.domains[0].domain);
    p.setRule(address, alias);
    expect(await statusOf(support.id)).toBe("Not verified");
    const v = await requestForwardingVerification(
      { orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id },
      async (m) => {
        // Hold the message until the pending state has been seen, then send it for real.
        expect(await statusOf(support.id)).toBe("Verification pending");
        const { sendVerificationMessage } = await import("./send-verification-message");
        return sendVerificationMessage(m);
      },
    );
    expect(v.address).toBe(address);
    expect(await eventually(async () => (await statusOf(support.id)) === "Forwarding verified")).toBe(true);

    // What was sent: to the real address, marked automatic with the loop header (R24), token in header and subject.
    expect(p.received).toHaveLength(1);
    const sent = p.received[0].raw.toString();
    expect(p.received[0].to).toEqual([address]);
    expect(sent).toMatch(/^Auto-Submitted: auto-generated$/im);
    expect(sent).toMatch(/^X-INO-Loop: ino\.cx$/im);
    expect(sent).toMatch(/^X-INO-Forwarding-Check: fv-[a-z0-9]{26}$/im);

    // It came back through the alias: recorded as an automatic message, and nothing was sent in answer.
    const [back] = await getDb().select().from(inboundMessage).where(eq(inboundMessage.mailboxId, support.id));
    expect(back).toMatchObject({ autoSubmitted: true, headerFrom: "INO cx <no-reply@ino.cx>" });
    await new Promise((r) => setTimeout(r, 300));
    expect(p.received).toHaveLength(1);
    const [m] = await getDb().select().from(mailbox).where(eq(mailbox.id, support.id));
    expect(m.lastReceivedAt).not.toBeNull();

    const events = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.entityId, support.id)));
    expect(events.map((e) => e.action).sort()).toEqual([
      "mailbox.verification_requested",
      "mailbox.verification_verified",
    ]);
    expect(events.find((e) => e.action === "mailbox.verification_requested")).toMatchObject({
      entityType: "mailbox",
      actorId: t.admin.id,
      entityLabel: address,
    });
    // R19: the outcome in a readable sentence, by the platform.
    expect(events.find((e) => e.action === "mailbox.verification_verified")).toMatchObject({
      actorId: null,
      entityLabel: address,
      changes: { why: { to: expect.stringContaining(`sent to ${address} came back through the alias`) } },
    });
  });

  it("becomes failed when the message has not come back in time (rule removed), derived on read without a timer", async () => {
    const p = await mail.providerFor(t.domains[0].domain);
    process.env.VERIFY_TIMEOUT = "1s";
    await requestForwardingVerification({ orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id });
    expect(await statusOf(support.id)).toBe("Verification pending");
    expect(await eventually(async () => p.received.length === 1)).toBe(true); // the provider has it, and keeps it
    await new Promise((r) => setTimeout(r, 1100));
    expect(await statusOf(support.id)).toBe("Verification failed");
    expect(await getDb().select().from(inboundMessage).where(eq(inboundMessage.mailboxId, support.id))).toHaveLength(0);
  });

  it("uses each token once and only for its own mailbox: a rule pointing at another mailbox's alias does not verify", async () => {
    const billing = await insertTestMailbox(t, { localPart: "billing" });
    const billingAlias = aliasAddress(billing.aliasToken, t.org.slug);
    const p = await mail.providerFor(t.domains[0].domain);
    p.setRule(address, billingAlias); // the rule points elsewhere
    await requestForwardingVerification({ orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id });
    expect(
      await eventually(
        async () =>
          (await getDb().select().from(inboundMessage).where(eq(inboundMessage.mailboxId, billing.id))).length === 1,
      ),
    ).toBe(true);
    expect(await statusOf(support.id)).toBe("Verification pending");
    expect(await statusOf(billing.id)).toBe("Not verified");

    // The token, brought to the right alias, verifies it; brought again, it changes nothing (single use).
    const [row] = await getDb()
      .select()
      .from(forwardingVerification)
      .where(eq(forwardingVerification.mailboxId, support.id));
    const replay = `Message-ID: <replay-1@x.example>\r\nSubject: again ${row.token}\r\n\r\n${row.token}\r\n`;
    await sendRaw(mail.receiver.port, { from: "x@x.example", to: [alias] }, replay);
    const [after] = await getDb().select().from(forwardingVerification).where(eq(forwardingVerification.id, row.id));
    expect(after.verifiedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    await sendRaw(mail.receiver.port, { from: "x@x.example", to: [alias] }, replay.replace("replay-1", "replay-2"));
    const [again] = await getDb().select().from(forwardingVerification).where(eq(forwardingVerification.id, row.id));
    expect(again.verifiedAt!.getTime()).toBe(after.verifiedAt!.getTime());
  });

  it("says in a tenant's words that test messages are not enabled without OUTBOUND_SMTP_URL (operator detail in the log), and changes nothing", async () => {
    delete process.env.OUTBOUND_SMTP_URL;
    const e = await expectUnchanged(t.org.id, () =>
      requestForwardingVerification({ orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id }).catch(
        (err) => err,
      ),
    );
    expect(e).toMatchObject({ code: "INVALID" });
    expect(e.message).toContain("The platform administrator has not enabled test messages yet");
    expect(e.message).toContain("send an email to the mailbox's address");
    expect(e.message).not.toContain("OUTBOUND_SMTP_URL");
  });

  it("refuses an inactive mailbox and another organisation's, and changes nothing", async () => {
    await getDb().update(mailbox).set({ active: false }).where(eq(mailbox.id, support.id));
    const inactive = await expectUnchanged(t.org.id, () =>
      requestForwardingVerification({ orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id }).catch((e) => e),
    );
    expect(inactive).toMatchObject({ code: "INVALID", message: expect.stringContaining("Activate the mailbox first") });
    const other = await createTestOrg();
    const foreign = await expectUnchanged(t.org.id, () =>
      requestForwardingVerification({ orgId: other.org.id, actorId: other.admin.id, mailboxId: support.id }).catch(
        (e) => e,
      ),
    );
    expect(foreign).toMatchObject({ code: "NOT_FOUND" });
  });

  it("says why when the outbound server cannot take the message, and leaves no pending verification", async () => {
    process.env.OUTBOUND_SMTP_URL = "smtp://127.0.0.1:9";
    const e = await requestForwardingVerification({
      orgId: t.org.id,
      actorId: t.admin.id,
      mailboxId: support.id,
    }).catch((err) => err);
    expect(e).toMatchObject({ code: "INVALID" });
    expect(e.message).toMatch(
      /^The test message could not be sent: the outbound server 127\.0\.0\.1:9 could not be reached/,
    );
    expect(await statusOf(support.id)).toBe("Not verified");
    // The outbound server refuses the recipient (the fake provider takes only its own domain).
    process.env.OUTBOUND_SMTP_URL = `smtp://127.0.0.1:${mail.provider.port}`;
    const refused = await requestForwardingVerification({
      orgId: t.org.id,
      actorId: t.admin.id,
      mailboxId: support.id,
    }).catch((err) => err);
    expect(refused.message).toMatch(/refused the message: 550 5\.7\.1/);
    expect(await statusOf(support.id)).toBe("Not verified");
  });
});
