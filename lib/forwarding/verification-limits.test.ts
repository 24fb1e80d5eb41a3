import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { forwardingVerification } from "@/db/schema";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { requestForwardingVerification } from "./request-forwarding-verification";

// R32: "Verify forwarding" is limited on the server, counted in the database: one pending verification per
// mailbox, a cooldown, a daily cap per organisation and per recipient address. Time is injected, never slept.
const sent: string[] = [];
const send = async (m: { to: string }) => void sent.push(m.to);
let t: TestOrg;
const T0 = new Date("2026-11-26T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const request = (mailboxId: string, now: Date, org = t) => requestForwardingVerification({ orgId: org.org.id, actorId: org.admin.id, mailboxId, now }, send);
const refusal = (p: Promise<unknown>) => p.then(() => null, (e) => e as { code: string; message: string });

beforeEach(async () => {
  t = await createTestOrg();
  sent.length = 0;
  process.env.OUTBOUND_SMTP_URL = "smtp://127.0.0.1:9"; // never used: `send` is injected
});
afterEach(() => {
  for (const k of ["OUTBOUND_SMTP_URL", "VERIFY_DAILY_ORG_LIMIT", "VERIFY_DAILY_ADDRESS_LIMIT", "VERIFY_COOLDOWN"]) delete process.env[k];
});

describe("R32 verification limits", () => {
  it("one pending verification per mailbox: a second request while one waits is refused, saying until when", async () => {
    const m = await insertTestMailbox(t, { localPart: "support" });
    await request(m.id, T0);
    const e = await expectUnchanged(t.org.id, () => refusal(request(m.id, at(5 * 60_000))));
    expect(e).toMatchObject({ code: "LIMIT_REACHED", message: expect.stringMatching(/already on its way .* in 10 minutes\)\.$/) });
    expect(sent).toHaveLength(1);
  });

  it("the database itself refuses a second pending verification of a mailbox", async () => {
    const m = await insertTestMailbox(t, { localPart: "support" });
    await request(m.id, T0);
    const [row] = await db.select().from(forwardingVerification).where(eq(forwardingVerification.mailboxId, m.id));
    await expect(db.insert(forwardingVerification).values({ ...row, id: undefined, token: `${row.token.slice(0, -1)}z` })).rejects.toThrow();
  });

  it("a cooldown between requests, even after the previous one finished; then it may be sent again", async () => {
    const m = await insertTestMailbox(t, { localPart: "support" });
    await request(m.id, T0);
    await db.update(forwardingVerification).set({ verifiedAt: at(5_000) }).where(eq(forwardingVerification.mailboxId, m.id));
    const e = await expectUnchanged(t.org.id, () => refusal(request(m.id, at(20_000))));
    expect(e).toMatchObject({ code: "LIMIT_REACHED", message: expect.stringContaining("Try again in 10 seconds.") });
    await request(m.id, at(61_000));
    expect(sent).toHaveLength(2);
  });

  it("a daily cap per organisation, refused with when to try again", async () => {
    process.env.VERIFY_DAILY_ORG_LIMIT = "3";
    const boxes = await Promise.all(["a", "b", "c", "d"].map((l) => insertTestMailbox(t, { localPart: l })));
    for (const [i, b] of boxes.slice(0, 3).entries()) await request(b.id, at(i * 3_600_000));
    const e = await expectUnchanged(t.org.id, () => refusal(request(boxes[3].id, at(3 * 3_600_000))));
    expect(e).toMatchObject({ code: "LIMIT_REACHED", message: expect.stringMatching(/3 test messages in the last 24 hours.*Try again in 21 hours\.$/) });
    // 24 hours after the first, one place is free again.
    await request(boxes[3].id, at(24 * 3_600_000 + 1000));
    expect(sent).toHaveLength(4);
  });

  it("a daily cap per recipient address, across organisations (anyone may add any domain)", async () => {
    process.env.VERIFY_DAILY_ADDRESS_LIMIT = "2";
    const victim = `victim-${crypto.randomUUID().slice(0, 8)}.example`;
    const orgs = [await createTestOrg({ domains: [victim] }), await createTestOrg({ domains: [victim] })];
    const a = await insertTestMailbox(orgs[0], { localPart: "ceo", domainId: orgs[0].domains[0].id });
    const b = await insertTestMailbox(orgs[1], { localPart: "ceo", domainId: orgs[1].domains[0].id });
    await request(a.id, T0, orgs[0]);
    await db.update(forwardingVerification).set({ failedAt: at(1000), failureReason: "timeout" }).where(eq(forwardingVerification.mailboxId, a.id));
    await request(b.id, at(2 * 60_000), orgs[1]);
    await db.update(forwardingVerification).set({ failedAt: at(3 * 60_000), failureReason: "timeout" }).where(eq(forwardingVerification.mailboxId, b.id));
    const e = await expectUnchanged(orgs[0].org.id, () => refusal(request(a.id, at(10 * 60_000), orgs[0])));
    expect(e).toMatchObject({ code: "LIMIT_REACHED", message: expect.stringMatching(new RegExp(`^ceo@${victim.replace(".", "\\.")} has received 2 test messages`)) });
    expect(sent).toEqual([`ceo@${victim}`, `ceo@${victim}`]);
  });

  it("automatic (scheduled) verifications by the platform stay within the same caps and are marked", async () => {
    const m = await insertTestMailbox(t, { localPart: "support" });
    await requestForwardingVerification({ orgId: t.org.id, actorId: null, mailboxId: m.id, automatic: true, now: T0 }, send);
    const [row] = await db.select().from(forwardingVerification).where(eq(forwardingVerification.mailboxId, m.id));
    expect(row).toMatchObject({ automatic: true, requestedBy: null });
    const e = await refusal(requestForwardingVerification({ orgId: t.org.id, actorId: null, mailboxId: m.id, automatic: true, now: at(1000) }, send));
    expect(e).toMatchObject({ code: "LIMIT_REACHED" });
  });

  it("holds under concurrency: 8 clicks at once send one message; 8 mailboxes at once stop at the organisation's cap", async () => {
    process.env.VERIFY_DAILY_ORG_LIMIT = "3";
    const m = await insertTestMailbox(t, { localPart: "support" });
    const same = await Promise.all(Array.from({ length: 8 }, () => refusal(request(m.id, T0))));
    expect(same.filter((e) => e === null)).toHaveLength(1);
    expect(same.filter((e) => e?.code === "LIMIT_REACHED")).toHaveLength(7);
    const boxes = await Promise.all(Array.from({ length: 8 }, (_, i) => insertTestMailbox(t, { localPart: `box${i}` })));
    const many = await Promise.all(boxes.map((b) => refusal(request(b.id, at(1000)))));
    expect(many.filter((e) => e === null)).toHaveLength(2); // 3 per day, one already used above
    expect(await db.select().from(forwardingVerification).where(eq(forwardingVerification.orgId, t.org.id))).toHaveLength(3);
    expect(sent).toHaveLength(3);
  });
});
