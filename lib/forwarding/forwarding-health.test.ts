import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, forwardingVerification, inboundMessage, mailbox } from "@/db/schema";
import { mailRoundTrip } from "@/tests/mail-round-trip";
import { sendRaw } from "@/tests/smtp-test-client";
import { aliasAddress } from "@/lib/alias";
import { findMailboxes } from "@/lib/mailboxes/find-mailboxes";
import { updateMailbox } from "@/lib/mailboxes/update-mailbox";
import { EMPTY_MAILBOX_FIELDS } from "@/lib/mailboxes/schemas";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { findHealthFacts } from "@/lib/health/find-health-facts";
import { runHealthTick } from "@/lib/health-tick/run-health-tick";
import { formatAuditValue } from "@/lib/audit/describe";
import { stateLabel } from "@/lib/mailbox-state/state-map";
import { loadForwardingPanel } from "./load-forwarding-panel";
import { requestForwardingVerification } from "./request-forwarding-verification";
import { eventually } from "@/tests/eventually";

// R25 (a verification proves one address → alias rule) and R26 (customer mail is evidence, the platform's own
// messages are not), through a real SMTP client, the fake provider and the receiver.
let t: TestOrg;
let support: Awaited<ReturnType<typeof insertTestMailbox>>;
let address: string;
let alias: string;
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../inbound/fixtures", name));

// What S4's badge says (lib/mailbox-state).
const stateOf = async () =>
  stateLabel((await findHealthFacts(getDb(), { orgId: t.org.id, mailboxId: support.id }, new Date()))[0].health);
const mailboxRow = async () => (await getDb().select().from(mailbox).where(eq(mailbox.id, support.id)))[0];

beforeEach(async () => {
  const domain = `${crypto.randomUUID().slice(0, 8)}.mycompany.test`;
  t = await createTestOrg({ domains: [domain] });
  support = await insertTestMailbox(t, { localPart: "support" });
  address = `support@${domain}`;
  alias = aliasAddress(support.aliasToken, t.org.slug);
});
const mail = mailRoundTrip({ domain: () => t.domains[0].domain });

async function changeAddressTo(localPart: string) {
  const m = await mailboxRow();
  await updateMailbox({
    orgId: t.org.id,
    actorId: t.admin.id,
    id: m.id,
    version: m.version,
    ...EMPTY_MAILBOX_FIELDS,
    displayName: m.displayName,
    localPart,
    domainId: m.domainId,
  });
}

describe("R25 a verification proves one address → alias rule", () => {
  it("after an address change the status is 'Not verified for <new address>' at once, and the history says the rule must follow", async () => {
    mail.provider.setRule(address, alias);
    await requestForwardingVerification({ orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id });
    expect(await eventually(async () => (await stateOf()) === "Forwarding verified")).toBe(true);
    await changeAddressTo("help");
    const help = address.replace("support@", "help@");
    expect(await stateOf()).toBe(`Not verified for ${help}`);
    const [row] = (await findMailboxes(t.org.id)).filter((m) => m.id === support.id);
    expect(row).toMatchObject({ address: help, health: { code: "address_changed" } });
    const [event] = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, support.id), eq(auditEvent.action, "mailbox.updated")));
    expect(event.changes).toMatchObject({
      address: { from: address, to: help },
      forwarding: {
        from: `rule for ${address}`,
        to: `rule for ${help}: change it at your email provider, then verify again`,
      },
    });
  });

  it("a late test message for the old address verifies nothing, and its pending verification is settled with a sentence", async () => {
    // The rule is not there yet: the test message waits at the mail.provider.
    await requestForwardingVerification({ orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id });
    expect(await eventually(async () => mail.provider.received.length === 1)).toBe(true);
    await changeAddressTo("help");
    const help = address.replace("support@", "help@");
    // Now the old test message arrives through the alias, late.
    const late = await sendRaw(
      mail.receiver.port,
      { from: "support+caf_=x@mycompany.test", to: [alias] },
      mail.provider.received[0].raw,
    );
    expect(late.ok).toBe(true);
    const [v] = await getDb()
      .select()
      .from(forwardingVerification)
      .where(eq(forwardingVerification.mailboxId, support.id));
    expect(v.verifiedAt).toBeNull();
    expect(await stateOf()).toBe(`Not verified for ${help}`);
    // S4 only reads; the health tick settles it: failed because the address changed, said in the history.
    const panel = await loadForwardingPanel({
      orgId: t.org.id,
      orgSlug: t.org.slug,
      mailboxId: support.id,
      address: help,
    });
    expect(panel).toMatchObject({ latest: null });
    await runHealthTick(getDb(), {
      orgId: t.org.id,
      now: new Date(),
      intervalMs: 86_400_000,
      enqueue: async () => {},
      detectSilence: false,
    });
    const [settled] = await getDb()
      .select()
      .from(forwardingVerification)
      .where(eq(forwardingVerification.mailboxId, support.id));
    expect(settled.failureReason).toBe("address_changed");
    const events = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, support.id), eq(auditEvent.action, "mailbox.verification_failed")));
    expect(events).toHaveLength(1);
    expect(formatAuditValue(events[0].changes.why?.to, "why")).toContain("address changed");
    // A new verification for the new address may start at once (the old one no longer blocks it).
    mail.provider.setRule(help, alias);
    const next = await requestForwardingVerification({
      orgId: t.org.id,
      actorId: t.admin.id,
      mailboxId: support.id,
      now: new Date(Date.now() + 61_000),
    });
    expect(next.address).toBe(help);
  });
});

describe("R26 real mail is evidence, the platform's own messages are not", () => {
  it("customer mail sets the last customer mail; a returning test message and a provider's report do not", async () => {
    await sendRaw(
      mail.receiver.port,
      { from: "support+caf_=x@mycompany.test", to: [alias] },
      fixture("forwarded-customer-message.eml"),
    );
    const afterCustomer = await mailboxRow();
    expect(afterCustomer.lastCustomerMailFrom).toBe("jeanne.martin@customer-mail.example");
    expect(afterCustomer.lastCustomerMailAt).not.toBeNull();

    mail.provider.setRule(address, alias);
    await requestForwardingVerification({ orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id });
    expect(await eventually(async () => (await stateOf()) === "Forwarding verified")).toBe(true);
    const report = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>",
      "Subject: Undelivered Mail",
      "Message-ID: <r-1@mx.example.net>",
      "",
      "550 5.1.1 unknown",
      "",
    ].join("\r\n");
    await sendRaw(mail.receiver.port, { from: "postmaster@mx.example.net", to: [alias] }, report);

    const kinds = (
      await getDb()
        .select({ kind: inboundMessage.kind, subject: inboundMessage.subject })
        .from(inboundMessage)
        .where(eq(inboundMessage.mailboxId, support.id))
    )
      .map((r) => r.kind)
      .sort();
    expect(kinds).toEqual(["customer", "platform", "provider"]);
    const after = await mailboxRow();
    expect(after.lastCustomerMailAt?.getTime()).toBe(afterCustomer.lastCustomerMailAt?.getTime());
    expect(after.lastCustomerMailFrom).toBe("jeanne.martin@customer-mail.example");
    expect(after.lastReceivedAt!.getTime()).toBeGreaterThan(afterCustomer.lastCustomerMailAt!.getTime());
    // S1's row carries the customer mail, and the status of the rule apart from it.
    const [row] = (await findMailboxes(t.org.id)).filter((m) => m.id === support.id);
    expect(row).toMatchObject({
      lastCustomerMailFrom: "jeanne.martin@customer-mail.example",
      health: { code: "healthy" },
    });
  });
});
