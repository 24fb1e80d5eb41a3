import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, forwardingVerification, inboundMessage, mailbox } from "@/db/schema";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { inboundFacts } from "@/tests/inbound-facts";
import { recordInboundMessages } from "./record-inbound-message";

// Issue 13: the receiver's group commit writes every message of a group in ONE statement; each message must come
// out exactly as if it had been recorded alone (R21-R25), and a mailbox deactivated or deleted since RCPT TO takes
// nothing.

const messagesOf = (mailboxId: string) =>
  getDb().select().from(inboundMessage).where(eq(inboundMessage.mailboxId, mailboxId));
const mailboxRow = async (id: string) => (await getDb().select().from(mailbox).where(eq(mailbox.id, id)))[0];

const facts = inboundFacts;

let t: TestOrg;
let support: Awaited<ReturnType<typeof insertTestMailbox>>;
let billing: Awaited<ReturnType<typeof insertTestMailbox>>;
const to = (...boxes: { id: string }[]) => boxes.map((b) => ({ mailboxId: b.id, orgId: t.org.id }));
beforeEach(async () => {
  t = await createTestOrg();
  support = await insertTestMailbox(t, { localPart: "support" });
  billing = await insertTestMailbox(t, { localPart: "billing" });
});

describe("a group of messages in one statement", () => {
  it("records each message for each of its mailboxes, and a second copy in the same group as a duplicate (R24)", async () => {
    const outcomes = await recordInboundMessages(getDb(), [
      { recipients: to(support, billing), message: facts("<a@x.example>") },
      { recipients: to(support), message: facts("<b@x.example>") },
      { recipients: to(support), message: facts("<a@x.example>", { subject: "the same Message-ID again" }) },
    ]);
    expect(outcomes.map((o) => o.results.map((r) => [r.mailboxId, r.recorded, r.duplicate]))).toEqual([
      [
        [support.id, true, false],
        [billing.id, true, false],
      ],
      [[support.id, true, false]],
      [[support.id, false, true]],
    ]);
    expect(outcomes.every((o) => o.refused.length === 0)).toBe(true);
    expect((await messagesOf(support.id)).map((m) => m.subject).sort()).toEqual([
      "About <a@x.example>",
      "About <b@x.example>",
    ]);
    expect(await messagesOf(billing.id)).toHaveLength(1);
  });

  it("leaves the mailbox's last received sender to its group's last message, and its last customer mail to the last customer message (R26)", async () => {
    await recordInboundMessages(getDb(), [
      { recipients: to(support), message: facts("<c1@x.example>", { headerFromAddress: "first@customer.example" }) },
      { recipients: to(support), message: facts("<c2@x.example>", { headerFromAddress: "second@customer.example" }) },
      {
        recipients: to(support),
        message: facts("<p1@x.example>", { headerFromAddress: "support@mycompany.com", kind: "platform" }),
      },
    ]);
    const m = await mailboxRow(support.id);
    expect(m).toMatchObject({
      lastReceivedFrom: "support@mycompany.com",
      lastCustomerMailFrom: "second@customer.example",
    });
    const [row] = await messagesOf(support.id);
    expect(m.lastReceivedAt?.getTime()).toBe(row.receivedAt.getTime());
    expect(m.lastCustomerMailAt?.getTime()).toBe(row.receivedAt.getTime());
  });

  it("completes a verification only for the mailbox its message was sent to, once, with one history event (R22, R25)", async () => {
    const address = `support@${t.domains[0].domain}`;
    await getDb()
      .insert(forwardingVerification)
      .values({
        orgId: t.org.id,
        mailboxId: support.id,
        token: "fv-groupgroupgroupgroup1",
        address,
        expiresAt: new Date(Date.now() + 60_000),
      });
    const outcomes = await recordInboundMessages(getDb(), [
      {
        recipients: to(billing),
        message: facts("<v0@x.example>", { verificationTokens: ["fv-groupgroupgroupgroup1"] }),
      },
      {
        recipients: to(support),
        message: facts("<v1@x.example>", { verificationTokens: ["fv-groupgroupgroupgroup1"], kind: "platform" }),
      },
      {
        recipients: to(support),
        message: facts("<v2@x.example>", { verificationTokens: ["fv-groupgroupgroupgroup1"], kind: "platform" }),
      },
    ]);
    expect(outcomes.map((o) => o.results[0].verified)).toEqual([false, true, true]);
    const [v] = await getDb()
      .select()
      .from(forwardingVerification)
      .where(eq(forwardingVerification.mailboxId, support.id));
    expect(v.verifiedAt).not.toBeNull();
    const events = await getDb().select().from(auditEvent).where(eq(auditEvent.entityId, support.id));
    expect(events.filter((e) => e.action === "mailbox.verification_verified")).toHaveLength(1);
  });
});

it("records a subject holding half of a surrogate pair with U+FFFD instead, and the rest of its group", async () => {
  const outcomes = await recordInboundMessages(getDb(), [
    { recipients: to(support), message: facts("<broken@x.example>", { subject: "caf\uD800e" }) },
    { recipients: to(support), message: facts("<fine@x.example>") },
  ]);
  expect(outcomes.map((o) => o.results[0].recorded)).toEqual([true, true]);
  expect((await messagesOf(support.id)).map((m) => m.subject).sort()).toEqual(["About <fine@x.example>", "caf\uFFFDe"]);
});

describe("a mailbox deactivated or deleted since RCPT TO (checked again at the end of DATA)", () => {
  it("takes nothing, and its message is not recorded for its other mailboxes either, while the rest of the group is", async () => {
    await getDb().update(mailbox).set({ active: false }).where(eq(mailbox.id, billing.id));
    const outcomes = await recordInboundMessages(getDb(), [
      { recipients: to(support, billing), message: facts("<both@x.example>") },
      { recipients: to(billing), message: facts("<billing-only@x.example>") },
      { recipients: to(support), message: facts("<support-only@x.example>") },
    ]);
    expect(outcomes.map((o) => o.refused)).toEqual([
      [{ mailboxId: billing.id, reason: "inactive" }],
      [{ mailboxId: billing.id, reason: "inactive" }],
      [],
    ]);
    expect(outcomes[0].results.some((r) => r.recorded || r.duplicate)).toBe(false);
    expect((await messagesOf(support.id)).map((m) => m.messageId)).toEqual(["<support-only@x.example>"]);
    expect(await messagesOf(billing.id)).toHaveLength(0);
    expect((await mailboxRow(billing.id)).lastReceivedAt).toBeNull();
  });

  it("says deleted for a mailbox that no longer exists, and records nothing", async () => {
    await getDb().delete(mailbox).where(eq(mailbox.id, billing.id));
    const [outcome] = await recordInboundMessages(getDb(), [
      { recipients: to(billing), message: facts("<gone@x.example>") },
    ]);
    expect(outcome.refused).toEqual([{ mailboxId: billing.id, reason: "deleted" }]);
    expect(await messagesOf(billing.id)).toHaveLength(0);
  });
});
