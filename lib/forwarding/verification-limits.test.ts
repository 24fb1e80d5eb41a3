import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { forwardingVerification } from "@/db/schema";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { requestForwardingVerification } from "./request-forwarding-verification";
import { isGoogleMailDomain, recipientKey } from "./verification-limits";

// R32: "Verify forwarding" is limited on the server, counted in the database: one pending verification per
// mailbox, a cooldown, a daily cap per organisation and per recipient address. Time is injected, never slept.
const sent: string[] = [];
const send = async (m: { to: string }) => void sent.push(m.to);
let t: TestOrg;
const T0 = new Date("2026-11-26T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const request = (mailboxId: string, now: Date, org = t) =>
  requestForwardingVerification({ orgId: org.org.id, actorId: org.admin.id, mailboxId, now }, send);
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as { code: string; message: string },
  );

beforeEach(async () => {
  t = await createTestOrg();
  sent.length = 0;
  process.env.OUTBOUND_SMTP_URL = "smtp://127.0.0.1:9"; // never used: `send` is injected
});
afterEach(() => {
  for (const k of [
    "OUTBOUND_SMTP_URL",
    "VERIFY_DAILY_ORG_LIMIT",
    "VERIFY_DAILY_ADDRESS_LIMIT",
    "VERIFY_COOLDOWN",
    "VERIFY_DAILY_RECIPIENT_CEILING",
  ])
    delete process.env[k];
});

describe("R32 verification limits", () => {
  it("one pending verification per mailbox: a second request while one waits is refused, saying until when", async () => {
    const m = await insertTestMailbox(t, { localPart: "support" });
    await request(m.id, T0);
    const e = await expectUnchanged(t.org.id, () => refusal(request(m.id, at(5 * 60_000))));
    expect(e).toMatchObject({
      code: "LIMIT_REACHED",
      message: expect.stringMatching(/already on its way .* in 10 minutes\)\.$/),
    });
    expect(sent).toHaveLength(1);
  });

  it("the database itself refuses a second pending verification of a mailbox", async () => {
    const m = await insertTestMailbox(t, { localPart: "support" });
    await request(m.id, T0);
    const [row] = await getDb().select().from(forwardingVerification).where(eq(forwardingVerification.mailboxId, m.id));
    await expect(
      getDb()
        .insert(forwardingVerification)
        .values({ ...row, id: undefined, token: `${row.token.slice(0, -1)}z` }),
    ).rejects.toThrow();
  });

  it("a cooldown between requests, even after the previous one finished; then it may be sent again", async () => {
    const m = await insertTestMailbox(t, { localPart: "support" });
    await request(m.id, T0);
    await getDb()
      .update(forwardingVerification)
      .set({ verifiedAt: at(5_000) })
      .where(eq(forwardingVerification.mailboxId, m.id));
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
    expect(e).toMatchObject({
      code: "LIMIT_REACHED",
      message: expect.stringMatching(/3 test messages in the last 24 hours.*Try again in 21 hours\.$/),
    });
    // 24 hours after the first, one place is free again.
    await request(boxes[3].id, at(24 * 3_600_000 + 1000));
    expect(sent).toHaveLength(4);
  });

  const failLatest = (mailboxId: string, when: Date) =>
    getDb()
      .update(forwardingVerification)
      .set({ failedAt: when, failureReason: "timeout" })
      .where(eq(forwardingVerification.mailboxId, mailboxId));

  it("issue 20.2: a daily cap per (organisation, address): another licensed organisation cannot spend it", async () => {
    process.env.VERIFY_DAILY_ADDRESS_LIMIT = "2";
    process.env.VERIFY_COOLDOWN = "1s";
    const victim = `victim-${crypto.randomUUID().slice(0, 8)}.example`;
    const [owner, squatter] = [await createTestOrg({ domains: [victim] }), await createTestOrg({ domains: [victim] })];
    expect(owner.org.smartLicence && squatter.org.smartLicence).toBe(true);
    const mine = await insertTestMailbox(owner, { localPart: "ceo", domainId: owner.domains[0].id });
    const theirs = await insertTestMailbox(squatter, { localPart: "ceo", domainId: squatter.domains[0].id });
    // The squatter spends its whole budget on the owner's address (and is refused the third).
    for (const i of [0, 1]) {
      await request(theirs.id, at(i * 60_000), squatter);
      await failLatest(theirs.id, at(i * 60_000 + 1000));
    }
    const e = await expectUnchanged(squatter.org.id, () => refusal(request(theirs.id, at(5 * 60_000), squatter)));
    expect(e).toMatchObject({
      code: "LIMIT_REACHED",
      message: expect.stringMatching(/^ceo@.* has received 2 test messages from your organisation/),
    });
    // The owner's verification still goes out, twice; its own third is refused.
    await request(mine.id, at(6 * 60_000), owner);
    await failLatest(mine.id, at(6 * 60_000 + 1000));
    await request(mine.id, at(7 * 60_000), owner);
    await failLatest(mine.id, at(7 * 60_000 + 1000));
    expect(await refusal(request(mine.id, at(8 * 60_000), owner))).toMatchObject({ code: "LIMIT_REACHED" });
    expect(sent).toEqual(Array(4).fill(`ceo@${victim}`));
  });

  it("issue 20.2: a ceiling across organisations for the recipient, which never blocks an organisation that verified the address", async () => {
    process.env.VERIFY_DAILY_RECIPIENT_CEILING = "2";
    process.env.VERIFY_COOLDOWN = "1s";
    const victim = `victim-${crypto.randomUUID().slice(0, 8)}.example`;
    const orgs = await Promise.all([0, 1, 2].map(() => createTestOrg({ domains: [victim] })));
    const boxes = await Promise.all(
      orgs.map((o) => insertTestMailbox(o, { localPart: "ceo", domainId: o.domains[0].id })),
    );
    // The owner verified its rule earlier; then two other organisations reach the ceiling.
    await request(boxes[0].id, T0, orgs[0]);
    await getDb()
      .update(forwardingVerification)
      .set({ verifiedAt: at(5000) })
      .where(eq(forwardingVerification.mailboxId, boxes[0].id));
    await request(boxes[1].id, at(60_000), orgs[1]);
    await failLatest(boxes[1].id, at(61_000));
    const e = await expectUnchanged(orgs[2].org.id, () => refusal(request(boxes[2].id, at(120_000), orgs[2])));
    expect(e).toMatchObject({ code: "LIMIT_REACHED", message: expect.stringMatching(/from several organisations/) });
    // The owner's scheduled re-check still goes out.
    await requestForwardingVerification(
      { orgId: orgs[0].org.id, actorId: null, mailboxId: boxes[0].id, automatic: true, now: at(180_000) },
      send,
    );
    expect(sent).toHaveLength(3);
  });

  it("issue 20.2: sub-addresses and Gmail's dots count as the same recipient", async () => {
    process.env.VERIFY_DAILY_ADDRESS_LIMIT = "2";
    const who = `j.doe${crypto.randomUUID().slice(0, 6)}`;
    const o = await createTestOrg({ domains: ["gmail.com", "googlemail.com"] });
    const a = await insertTestMailbox(o, { localPart: who, domainId: o.domains[0].id });
    const b = await insertTestMailbox(o, { localPart: `${who.replace(".", "")}+orders`, domainId: o.domains[1].id });
    const c = await insertTestMailbox(o, {
      localPart: `${who.replaceAll(".", "")}.x`.replace(".x", ""),
      domainId: o.domains[1].id,
    });
    expect(await refusal(request(a.id, T0, o))).toBeNull();
    expect(await refusal(request(b.id, at(60_000), o))).toBeNull();
    expect(await refusal(request(c.id, at(120_000), o))).toMatchObject({ code: "LIMIT_REACHED" });
  });

  it("normalises for counting only: case, +tag, dots for Gmail and for domains whose MX is Google's", async () => {
    expect(recipientKey("Support+Orders@MyCompany.com")).toBe("support@mycompany.com");
    expect(recipientKey("j.o.doe+x@googlemail.com")).toBe("jodoe@gmail.com");
    expect(recipientKey("j.doe@mycompany.com")).toBe("j.doe@mycompany.com");
    expect(recipientKey("j.doe@mycompany.com", { dotsIgnored: true })).toBe("jdoe@mycompany.com");
    const google = async () => [{ exchange: "aspmx.l.google.com" }, { exchange: "alt1.aspmx.l.google.com" }];
    const other = async () => [{ exchange: "mx.mycompany.com" }];
    const failing = async () => Promise.reject(new Error("ETIMEOUT"));
    expect(await isGoogleMailDomain(`ws-${crypto.randomUUID().slice(0, 6)}.example`, google)).toBe(true);
    expect(await isGoogleMailDomain(`own-${crypto.randomUUID().slice(0, 6)}.example`, other)).toBe(false);
    expect(await isGoogleMailDomain(`down-${crypto.randomUUID().slice(0, 6)}.example`, failing)).toBe(false);
  });

  it("automatic (scheduled) verifications by the platform stay within the same caps and are marked", async () => {
    const m = await insertTestMailbox(t, { localPart: "support" });
    await requestForwardingVerification(
      { orgId: t.org.id, actorId: null, mailboxId: m.id, automatic: true, now: T0 },
      send,
    );
    const [row] = await getDb().select().from(forwardingVerification).where(eq(forwardingVerification.mailboxId, m.id));
    expect(row).toMatchObject({ automatic: true, requestedBy: null });
    const e = await refusal(
      requestForwardingVerification(
        { orgId: t.org.id, actorId: null, mailboxId: m.id, automatic: true, now: at(1000) },
        send,
      ),
    );
    expect(e).toMatchObject({ code: "LIMIT_REACHED" });
  });

  it("holds under concurrency: 8 clicks at once send one message; 8 mailboxes at once stop at the organisation's cap", async () => {
    process.env.VERIFY_DAILY_ORG_LIMIT = "3";
    const m = await insertTestMailbox(t, { localPart: "support" });
    const same = await Promise.all(Array.from({ length: 8 }, () => refusal(request(m.id, T0))));
    expect(same.filter((e) => e === null)).toHaveLength(1);
    expect(same.filter((e) => e?.code === "LIMIT_REACHED")).toHaveLength(7);
    const boxes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => insertTestMailbox(t, { localPart: `box${i}` })),
    );
    const many = await Promise.all(boxes.map((b) => refusal(request(b.id, at(1000)))));
    expect(many.filter((e) => e === null)).toHaveLength(2); // 3 per day, one already used above
    expect(
      await getDb().select().from(forwardingVerification).where(eq(forwardingVerification.orgId, t.org.id)),
    ).toHaveLength(3);
    expect(sent).toHaveLength(3);
  });
});
