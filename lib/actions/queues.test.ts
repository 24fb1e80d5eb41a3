import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, mailbox, queue, queueMailbox } from "@/db/schema";
import { createTestOrg, expectUnchanged, signInAs, signOutOfTests, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import {
  createQueueAction,
  linkMailboxAction,
  removeQueueAction,
  renameQueueAction,
  setDefaultMailboxAction,
  unlinkMailboxAction,
} from "./queues";

let t: TestOrg;
let other: TestOrg;
beforeEach(async () => {
  t = await createTestOrg();
  other = await createTestOrg();
  await signInAs(t.admin.email);
});

async function newQueue(name = "Support") {
  const result = await createQueueAction({ name });
  expect(result?.serverError).toBeUndefined();
  return result!.data!.id;
}

async function mailboxes(org: TestOrg, n: number, opts: { prefix?: string; active?: boolean } = {}) {
  const out = [];
  for (let i = 0; i < n; i++)
    out.push(await insertTestMailbox(org, { localPart: `${opts.prefix ?? "m"}${i}`, active: opts.active ?? true }));
  return out;
}

async function linksOf(queueId: string) {
  return getDb()
    .select({ mailboxId: queueMailbox.mailboxId, isDefault: queueMailbox.isDefault })
    .from(queueMailbox)
    .where(eq(queueMailbox.queueId, queueId))
    .orderBy(asc(queueMailbox.linkedAt));
}

const address = (org: TestOrg, localPart: string) => `${localPart}@${org.domains[0].domain}`;

describe("R18 access to Queue actions", () => {
  it("refuses every action without a session, to an agent and without the Smart licence, and changes nothing", async () => {
    const q = await newQueue();
    const [a, b] = await mailboxes(t, 2);
    expect((await linkMailboxAction({ queueId: q, mailboxId: a.id }))?.serverError).toBeUndefined();
    const calls = (): (() => Promise<unknown>)[] => [
      () => createQueueAction({ name: "New" }),
      () => renameQueueAction({ id: q, name: "Renamed" }),
      () => removeQueueAction({ id: q }),
      () => linkMailboxAction({ queueId: q, mailboxId: b.id }),
      () => setDefaultMailboxAction({ queueId: q, mailboxId: a.id }),
      () => unlinkMailboxAction({ queueId: q, mailboxId: a.id }),
    ];
    signOutOfTests();
    for (const call of calls()) {
      expect(await expectUnchanged(t.org.id, call)).toMatchObject({ serverError: { code: "UNAUTHENTICATED" } });
    }
    await signInAs(t.agent.email);
    for (const call of calls()) {
      expect(await expectUnchanged(t.org.id, call)).toMatchObject({ serverError: { code: "FORBIDDEN" } });
    }
    const starter = await createTestOrg({ licence: false });
    await signInAs(starter.admin.email);
    const r = await expectUnchanged(starter.org.id, () => createQueueAction({ name: "Unlicensed" }));
    expect(r?.serverError).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Smart licence") });
  });

  it("R18 treats another organisation's queue and mailbox ids as not found, and changes nothing", async () => {
    const q = await newQueue();
    const [mine, second] = await mailboxes(t, 2);
    await linkMailboxAction({ queueId: q, mailboxId: mine.id });
    await linkMailboxAction({ queueId: q, mailboxId: second.id });
    const [theirs] = await mailboxes(other, 1, { prefix: "theirs" });

    // Another organisation's admin, on this organisation's queue and mailboxes.
    await signInAs(other.admin.email);
    const ownQueue = (await createQueueAction({ name: "Theirs" }))!.data!.id;
    const crossOrg: (() => Promise<unknown>)[] = [
      () => renameQueueAction({ id: q, name: "Hijack" }),
      () => removeQueueAction({ id: q }),
      () => linkMailboxAction({ queueId: q, mailboxId: theirs.id }),
      () => setDefaultMailboxAction({ queueId: q, mailboxId: second.id }),
      () => unlinkMailboxAction({ queueId: q, mailboxId: second.id }),
      // Their own queue with this organisation's mailbox.
      () => linkMailboxAction({ queueId: ownQueue, mailboxId: mine.id }),
    ];
    for (const call of crossOrg) {
      const before = await getDb().select().from(queueMailbox).where(eq(queueMailbox.orgId, other.org.id));
      const result = await expectUnchanged(t.org.id, call);
      expect(result).toMatchObject({ serverError: { code: "NOT_FOUND" } });
      expect(await getDb().select().from(queueMailbox).where(eq(queueMailbox.orgId, other.org.id))).toEqual(before);
    }
    // The same refusals read as for an id that does not exist at all.
    await signInAs(t.admin.email);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await expectUnchanged(t.org.id, () => linkMailboxAction({ queueId: q, mailboxId: missing }))).toMatchObject({
      serverError: { code: "NOT_FOUND" },
    });
    expect(
      await expectUnchanged(t.org.id, () => linkMailboxAction({ queueId: q, mailboxId: theirs.id })),
    ).toMatchObject({ serverError: { code: "NOT_FOUND" } });
    expect(await expectUnchanged(t.org.id, () => renameQueueAction({ id: missing, name: "X" }))).toMatchObject({
      serverError: { code: "NOT_FOUND" },
    });
  });

  it("refuses malformed ids next to their field, and changes nothing", async () => {
    const q = await newQueue();
    const r = await expectUnchanged(t.org.id, () =>
      linkMailboxAction({ queueId: q, mailboxId: "'; drop table queue; --" }),
    );
    expect(r?.validationErrors?.fieldErrors?.mailboxId?.[0]).toBe("Choose a mailbox.");
    const r2 = await expectUnchanged(t.org.id, () => removeQueueAction({ id: "nope" }));
    expect(r2?.validationErrors?.fieldErrors?.id?.[0]).toBeTruthy();
  });
});

describe("S5 queues: create, rename, remove", () => {
  it("creates and renames a queue, each with its audit event (R19)", async () => {
    const id = await newQueue("  Support  ");
    const [row] = await getDb().select().from(queue).where(eq(queue.id, id));
    expect(row).toMatchObject({ orgId: t.org.id, name: "Support" });
    expect((await renameQueueAction({ id, name: "Customer support" }))?.serverError).toBeUndefined();
    const events = await getDb()
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, id))
      .orderBy(asc(auditEvent.id));
    expect(events.map((e) => [e.action, e.entityType, e.entityLabel, e.actorId])).toEqual([
      ["queue.created", "queue", "Support", t.admin.id],
      ["queue.renamed", "queue", "Customer support", t.admin.id],
    ]);
    expect(events[1].changes).toEqual({ name: { from: "Support", to: "Customer support" } });
  });

  it.each([
    ["an empty name", "   "],
    ["a line break", "Support\r\nBcc: x"],
    ["a 256-character name", "q".repeat(256)],
  ])("refuses %s next to the name field and changes nothing", async (_label, name) => {
    const r = await expectUnchanged(t.org.id, () => createQueueAction({ name }));
    expect(r?.validationErrors?.fieldErrors?.name?.[0]).toBeTruthy();
  });

  it("refuses a duplicate name next to the field, on create and on rename, and changes nothing", async () => {
    await newQueue("Support");
    const billing = await newQueue("Billing");
    const r = await expectUnchanged(t.org.id, () => createQueueAction({ name: "Support" }));
    expect(r?.serverError).toMatchObject({
      code: "ALREADY_EXISTS",
      field: "name",
      message: "A queue named “Support” already exists.",
    });
    const r2 = await expectUnchanged(t.org.id, () => renameQueueAction({ id: billing, name: " Support " }));
    expect(r2?.serverError).toMatchObject({ code: "ALREADY_EXISTS", field: "name" });
    // Another organisation may use the same name.
    await signInAs(other.admin.email);
    expect((await createQueueAction({ name: "Support" }))?.serverError).toBeUndefined();
  });

  it("removing a queue unlinks its mailboxes, keeps the mailboxes, and records it in their histories (R19)", async () => {
    const q = await newQueue("Support");
    const [a, b] = await mailboxes(t, 2);
    await linkMailboxAction({ queueId: q, mailboxId: a.id });
    await linkMailboxAction({ queueId: q, mailboxId: b.id });
    expect((await removeQueueAction({ id: q }))?.serverError).toBeUndefined();
    expect(await getDb().select().from(queue).where(eq(queue.id, q))).toHaveLength(0);
    expect(await linksOf(q)).toHaveLength(0);
    expect(await getDb().select({ id: mailbox.id }).from(mailbox).where(eq(mailbox.orgId, t.org.id))).toHaveLength(2);
    const [removed] = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, q), eq(auditEvent.action, "queue.removed")));
    expect(removed).toMatchObject({ entityType: "queue", entityLabel: "Support" });
    const unlinkA = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, a.id), eq(auditEvent.action, "queue.mailbox_unlinked")));
    expect(unlinkA).toHaveLength(1);
    expect(unlinkA[0]).toMatchObject({
      entityType: "mailbox",
      entityLabel: address(t, "m0"),
      changes: { queue: { from: "Support", to: null }, defaultOf: { from: "Support", to: null } },
    });
    const unlinkB = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, b.id), eq(auditEvent.action, "queue.mailbox_unlinked")));
    expect(unlinkB[0].changes).toEqual({ queue: { from: "Support", to: null } });
  });
});

describe("R15 at most 20 mailboxes per queue; a mailbox in many queues", () => {
  it("R15 refuses the 21st mailbox next to the mailbox field, and changes nothing", async () => {
    const q = await newQueue();
    const boxes = await mailboxes(t, 21);
    for (const m of boxes.slice(0, 20))
      expect((await linkMailboxAction({ queueId: q, mailboxId: m.id }))?.serverError).toBeUndefined();
    const r = await expectUnchanged(t.org.id, () => linkMailboxAction({ queueId: q, mailboxId: boxes[20].id }));
    expect(r?.serverError).toMatchObject({
      code: "LIMIT_REACHED",
      field: "mailboxId",
      message: expect.stringContaining("20 mailboxes"),
    });
    expect(await linksOf(q)).toHaveLength(20);
  });

  it("R15 links one mailbox to several queues, and refuses linking it twice to the same queue", async () => {
    const [support, billing] = [await newQueue("Support"), await newQueue("Billing")];
    const [m] = await mailboxes(t, 1);
    expect((await linkMailboxAction({ queueId: support, mailboxId: m.id }))?.serverError).toBeUndefined();
    expect((await linkMailboxAction({ queueId: billing, mailboxId: m.id }))?.serverError).toBeUndefined();
    const r = await expectUnchanged(t.org.id, () => linkMailboxAction({ queueId: billing, mailboxId: m.id }));
    expect(r?.serverError).toMatchObject({
      code: "ALREADY_EXISTS",
      field: "mailboxId",
      message: `${address(t, "m0")} is already linked to “Billing”.`,
    });
  });
});

describe("R16 exactly one default in a queue with mailboxes", () => {
  it("R16 the first mailbox linked becomes the default, the next ones do not; both histories record each link (R19)", async () => {
    const q = await newQueue("Support");
    const [a, b] = await mailboxes(t, 2);
    expect(await linkMailboxAction({ queueId: q, mailboxId: a.id })).toMatchObject({ data: { isDefault: true } });
    expect(await linkMailboxAction({ queueId: q, mailboxId: b.id })).toMatchObject({ data: { isDefault: false } });
    expect(await linksOf(q)).toEqual([
      { mailboxId: a.id, isDefault: true },
      { mailboxId: b.id, isDefault: false },
    ]);
    const linked = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.action, "queue.mailbox_linked")))
      .orderBy(asc(auditEvent.id));
    expect(linked.map((e) => [e.entityType, e.entityId, e.entityLabel, e.changes])).toEqual([
      [
        "queue",
        q,
        "Support",
        { mailbox: { from: null, to: address(t, "m0") }, defaultMailbox: { from: null, to: address(t, "m0") } },
      ],
      [
        "mailbox",
        a.id,
        address(t, "m0"),
        { queue: { from: null, to: "Support" }, defaultOf: { from: null, to: "Support" } },
      ],
      ["queue", q, "Support", { mailbox: { from: null, to: address(t, "m1") } }],
      ["mailbox", b.id, address(t, "m1"), { queue: { from: null, to: "Support" } }],
    ]);
  });

  it("R16 making another mailbox the default unsets the previous one, recorded in the queue's and both mailboxes' histories", async () => {
    const q = await newQueue("Support");
    const [a, b] = await mailboxes(t, 2);
    await linkMailboxAction({ queueId: q, mailboxId: a.id });
    await linkMailboxAction({ queueId: q, mailboxId: b.id });
    expect((await setDefaultMailboxAction({ queueId: q, mailboxId: b.id }))?.serverError).toBeUndefined();
    expect(await linksOf(q)).toEqual([
      { mailboxId: a.id, isDefault: false },
      { mailboxId: b.id, isDefault: true },
    ]);
    const events = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.action, "queue.default_changed")))
      .orderBy(asc(auditEvent.id));
    expect(events.map((e) => [e.entityType, e.entityId, e.changes])).toEqual([
      ["queue", q, { defaultMailbox: { from: address(t, "m0"), to: address(t, "m1") } }],
      ["mailbox", b.id, { defaultOf: { from: null, to: "Support" } }],
      ["mailbox", a.id, { defaultOf: { from: "Support", to: null } }],
    ]);
    // Making the default the default again changes nothing and records nothing.
    await expectUnchanged(t.org.id, () => setDefaultMailboxAction({ queueId: q, mailboxId: b.id }));
  });

  it("R16 refuses to unlink the default while other mailboxes remain, saying to choose another default first", async () => {
    const q = await newQueue("Support");
    const [a, b] = await mailboxes(t, 2);
    await linkMailboxAction({ queueId: q, mailboxId: a.id });
    await linkMailboxAction({ queueId: q, mailboxId: b.id });
    const r = await expectUnchanged(t.org.id, () => unlinkMailboxAction({ queueId: q, mailboxId: a.id }));
    expect(r?.serverError).toMatchObject({
      code: "IN_USE",
      message: `${address(t, "m0")} is the default mailbox of “Support”. Choose another default first, then remove it.`,
    });
    // A non-default leaves, with both events; then the default, alone, may leave too.
    expect((await unlinkMailboxAction({ queueId: q, mailboxId: b.id }))?.serverError).toBeUndefined();
    expect((await unlinkMailboxAction({ queueId: q, mailboxId: a.id }))?.serverError).toBeUndefined();
    expect(await linksOf(q)).toEqual([]);
    const unlinked = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.action, "queue.mailbox_unlinked")))
      .orderBy(asc(auditEvent.id));
    expect(unlinked.map((e) => [e.entityType, e.entityId])).toEqual([
      ["queue", q],
      ["mailbox", b.id],
      ["queue", q],
      ["mailbox", a.id],
    ]);
    // The queue is empty again: the next mailbox linked becomes the default.
    expect(await linkMailboxAction({ queueId: q, mailboxId: b.id })).toMatchObject({ data: { isDefault: true } });
  });

  it("refuses to unlink or make default a mailbox that is not linked to the queue, and changes nothing", async () => {
    const q = await newQueue("Support");
    const [a, b] = await mailboxes(t, 2);
    await linkMailboxAction({ queueId: q, mailboxId: a.id });
    expect(await expectUnchanged(t.org.id, () => unlinkMailboxAction({ queueId: q, mailboxId: b.id }))).toMatchObject({
      serverError: { code: "NOT_FOUND" },
    });
    const r = await expectUnchanged(t.org.id, () => setDefaultMailboxAction({ queueId: q, mailboxId: b.id }));
    expect(r?.serverError).toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("is not linked to “Support”"),
    });
  });

  it("R16 the database refuses a second default (partial unique index) and a non-empty queue without one (deferred trigger)", async () => {
    const q = await newQueue();
    const [a, b] = await mailboxes(t, 2);
    await linkMailboxAction({ queueId: q, mailboxId: a.id });
    await expect(
      getDb().insert(queueMailbox).values({ orgId: t.org.id, queueId: q, mailboxId: b.id, isDefault: true }),
    ).rejects.toThrow();
    await expect(
      getDb().update(queueMailbox).set({ isDefault: false }).where(eq(queueMailbox.queueId, q)),
    ).rejects.toThrow();
    const q2 = await newQueue("Empty");
    await expect(
      getDb().insert(queueMailbox).values({ orgId: t.org.id, queueId: q2, mailboxId: b.id, isDefault: false }),
    ).rejects.toThrow();
    expect(await linksOf(q)).toEqual([{ mailboxId: a.id, isDefault: true }]);
    expect(await linksOf(q2)).toEqual([]);
    // Swapping inside one transaction is fine: the rule is checked at commit.
    await getDb().transaction(async (tx) => {
      await tx.insert(queueMailbox).values({ orgId: t.org.id, queueId: q2, mailboxId: b.id, isDefault: false });
      await tx.update(queueMailbox).set({ isDefault: true }).where(eq(queueMailbox.queueId, q2));
    });
    expect(await linksOf(q2)).toEqual([{ mailboxId: b.id, isDefault: true }]);
  });

  it("R16 the database refuses a link between a queue and a mailbox of different organisations", async () => {
    const q = await newQueue();
    const [theirs] = await mailboxes(other, 1);
    await expect(
      getDb().insert(queueMailbox).values({ orgId: t.org.id, queueId: q, mailboxId: theirs.id, isDefault: true }),
    ).rejects.toThrow();
    await expect(
      getDb().insert(queueMailbox).values({ orgId: other.org.id, queueId: q, mailboxId: theirs.id, isDefault: true }),
    ).rejects.toThrow();
  });
});

describe("R17 the default mailbox is active", () => {
  it("R17 refuses an inactive mailbox as the first linked (it would become the default), and changes nothing", async () => {
    const q = await newQueue();
    const [inactive] = await mailboxes(t, 1, { prefix: "old", active: false });
    const r = await expectUnchanged(t.org.id, () => linkMailboxAction({ queueId: q, mailboxId: inactive.id }));
    expect(r?.serverError).toMatchObject({
      code: "INVALID",
      field: "mailboxId",
      message: expect.stringContaining(`${address(t, "old0")} is inactive`),
    });
  });

  it("R17 links an inactive mailbox once the queue has an active default, but refuses to make it the default", async () => {
    const q = await newQueue();
    const [active] = await mailboxes(t, 1);
    const [inactive] = await mailboxes(t, 1, { prefix: "old", active: false });
    await linkMailboxAction({ queueId: q, mailboxId: active.id });
    expect(await linkMailboxAction({ queueId: q, mailboxId: inactive.id })).toMatchObject({
      data: { isDefault: false },
    });
    const r = await expectUnchanged(t.org.id, () => setDefaultMailboxAction({ queueId: q, mailboxId: inactive.id }));
    expect(r?.serverError).toMatchObject({
      code: "INVALID",
      field: "mailboxId",
      message: expect.stringContaining("must be active"),
    });
    expect(await linksOf(q)).toEqual([
      { mailboxId: active.id, isDefault: true },
      { mailboxId: inactive.id, isDefault: false },
    ]);
  });
});
