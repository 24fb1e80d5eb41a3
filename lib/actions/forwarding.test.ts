import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, forwardingVerification } from "@/db/schema";
import { startFakeProvider, type FakeProvider } from "@/e2e/fixtures/fake-provider";
import { createTestOrg, expectUnchanged, signInAs, signOutOfTests, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { verifyForwardingAction } from "./forwarding";

let provider: FakeProvider;
let t: TestOrg;
let mailboxId: string;

beforeAll(async () => {
  // The outbound server: takes the test message and keeps it (no forwarding rule: the loop is proven elsewhere).
  provider = await startFakeProvider({ port: 0, receiver: { host: "127.0.0.1", port: 9 }, domain: "example.com" });
  process.env.OUTBOUND_SMTP_URL = `smtp://127.0.0.1:${provider.port}`;
});
afterAll(async () => {
  delete process.env.OUTBOUND_SMTP_URL;
  await provider.stop();
});
beforeEach(async () => {
  t = await createTestOrg();
  mailboxId = (await insertTestMailbox(t, { localPart: "support" })).id;
  await signInAs(t.admin.email);
});

describe("R22 the Verify forwarding action", () => {
  it("sends the test message and records the verification with its audit event", async () => {
    const result = await verifyForwardingAction({ mailboxId });
    expect(result?.serverError).toBeUndefined();
    expect(result?.data).toMatchObject({ ok: true, address: `support@${t.domains[0].domain}` });
    expect(
      await getDb().select().from(forwardingVerification).where(eq(forwardingVerification.mailboxId, mailboxId)),
    ).toHaveLength(1);
    const [event] = await getDb().select().from(auditEvent).where(eq(auditEvent.orgId, t.org.id));
    expect(event).toMatchObject({
      action: "mailbox.verification_requested",
      entityType: "mailbox",
      entityId: mailboxId,
      actorId: t.admin.id,
    });
    expect(provider.received.at(-1)?.to).toEqual([`support@${t.domains[0].domain}`]);
  });

  it("R18 refuses without a session, to an agent and without the Smart licence, and changes nothing", async () => {
    signOutOfTests();
    expect(await expectUnchanged(t.org.id, () => verifyForwardingAction({ mailboxId }))).toMatchObject({
      serverError: { code: "UNAUTHENTICATED" },
    });
    await signInAs(t.agent.email);
    expect(await expectUnchanged(t.org.id, () => verifyForwardingAction({ mailboxId }))).toMatchObject({
      serverError: { code: "FORBIDDEN" },
    });
    const starter = await createTestOrg({ licence: false });
    const theirs = await insertTestMailbox(starter, { localPart: "info", domainId: starter.domains[0].id });
    await signInAs(starter.admin.email);
    expect(await expectUnchanged(starter.org.id, () => verifyForwardingAction({ mailboxId: theirs.id }))).toMatchObject(
      {
        serverError: { code: "FORBIDDEN", message: expect.stringContaining("Smart licence") },
      },
    );
  });

  it("R18 treats another organisation's mailbox as not found, and refuses a malformed id", async () => {
    const other = await createTestOrg();
    await signInAs(other.admin.email);
    expect(await expectUnchanged(t.org.id, () => verifyForwardingAction({ mailboxId }))).toMatchObject({
      serverError: { code: "NOT_FOUND" },
    });
    const malformed = await expectUnchanged(t.org.id, () =>
      verifyForwardingAction({ mailboxId: "'; drop table mailbox; --" }),
    );
    expect(malformed?.validationErrors?.fieldErrors?.mailboxId?.[0]).toBeTruthy();
  });

  it("tells the tenant that test messages are not enabled when OUTBOUND_SMTP_URL is not set (no server detail)", async () => {
    const saved = process.env.OUTBOUND_SMTP_URL;
    delete process.env.OUTBOUND_SMTP_URL;
    try {
      const result = await expectUnchanged(t.org.id, () => verifyForwardingAction({ mailboxId }));
      expect(result?.serverError).toMatchObject({
        code: "INVALID",
        message: expect.stringContaining("platform administrator has not enabled test messages yet"),
      });
      expect(result?.serverError?.message).not.toContain("OUTBOUND_SMTP_URL");
    } finally {
      process.env.OUTBOUND_SMTP_URL = saved;
    }
  });
});
