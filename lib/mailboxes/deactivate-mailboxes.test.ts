import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, mailbox } from "@/db/schema";
import { testMailboxes } from "@/tests/queue-fixtures";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox, insertTestQueueLink } from "@/tests/mailbox-fixtures";
import { deactivateMailboxes, planMailboxesDeactivation } from "./deactivate-mailboxes";
import { undoMailboxesDeactivation } from "./undo-mailboxes-deactivation";
import { setMailboxActive } from "./set-mailbox-active";

let t: TestOrg;
beforeEach(async () => {
  t = await createTestOrg();
});
const activeOf = async (id: string) =>
  (await getDb().select({ active: mailbox.active }).from(mailbox).where(eq(mailbox.id, id)))[0].active;
const actionsOf = async (id: string) =>
  (
    await getDb()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, id), eq(auditEvent.orgId, t.org.id)))
  ).map((e) => e.action);

describe("S1 bulk Deactivate: dry run, run, undo (H6 item 4)", () => {
  it("the dry run states what happens to each, which are refused and why, and writes nothing", async () => {
    const [a, b] = await testMailboxes(t, 2);
    const [off] = await testMailboxes(t, 1, { active: false, prefix: "off" });
    const sender = await insertTestMailbox(t, { localPart: "sender" });
    await insertTestQueueLink(t, sender.id, { queueName: "Support", isDefault: true });
    const plan = await planMailboxesDeactivation({ orgId: t.org.id, ids: [a.id, sender.id, off.id, b.id] });
    expect(plan.deactivate.map((m) => m.id)).toEqual([a.id, b.id]);
    expect(plan.unchanged.map((m) => m.id)).toEqual([off.id]);
    expect(plan.refused).toEqual([
      { id: sender.id, name: sender.displayName, reason: expect.stringContaining("default sender of “Support”") },
    ]);
    expect(await activeOf(a.id)).toBe(true);
    expect(await actionsOf(a.id)).not.toContain("mailbox.deactivated");
  });

  it("R18: another organisation's mailboxes are neither planned nor deactivated", async () => {
    const other = await createTestOrg();
    const [theirs] = await testMailboxes(other, 1);
    expect(await planMailboxesDeactivation({ orgId: t.org.id, ids: [theirs.id] })).toEqual({
      deactivate: [],
      unchanged: [],
      refused: [],
    });
    const run = await deactivateMailboxes({ orgId: t.org.id, actorId: t.admin.id, ids: [theirs.id] });
    expect(run.done).toEqual([]);
    expect(await activeOf(theirs.id)).toBe(true);
    expect(
      await undoMailboxesDeactivation({
        orgId: t.org.id,
        actorId: t.admin.id,
        receipt: [{ id: theirs.id, version: 1 }],
      }),
    ).toEqual({ restored: [], kept: [] });
  });

  it("runs in one transaction with an audit event each, refusing the default sender (R17), and Undo reverses it, audited as an undo", async () => {
    const [a, b] = await testMailboxes(t, 2);
    const sender = await insertTestMailbox(t, { localPart: "sender" });
    await insertTestQueueLink(t, sender.id, { queueName: "Support", isDefault: true });
    const run = await deactivateMailboxes({ orgId: t.org.id, actorId: t.admin.id, ids: [a.id, sender.id, b.id] });
    expect(run.done.map((d) => d.id)).toEqual([a.id, b.id]);
    expect(run.refused.map((r) => r.id)).toEqual([sender.id]);
    expect([await activeOf(a.id), await activeOf(b.id), await activeOf(sender.id)]).toEqual([false, false, true]);
    expect(await actionsOf(a.id)).toContain("mailbox.deactivated");

    const undo = await undoMailboxesDeactivation({ orgId: t.org.id, actorId: t.admin.id, receipt: run.done });
    expect(undo.restored.sort()).toEqual([a.id, b.id].sort());
    expect([await activeOf(a.id), await activeOf(b.id)]).toEqual([true, true]);
    expect(await actionsOf(a.id)).toContain("mailbox.deactivation_undone");
  });

  it("Undo never overwrites a later change: a mailbox changed since is kept as it is", async () => {
    const [a, b] = await testMailboxes(t, 2);
    const run = await deactivateMailboxes({ orgId: t.org.id, actorId: t.admin.id, ids: [a.id, b.id] });
    // b is reactivated and deactivated again by someone else: its version moved on
    await setMailboxActive({ orgId: t.org.id, actorId: t.admin.id, id: b.id, active: true });
    await setMailboxActive({ orgId: t.org.id, actorId: t.admin.id, id: b.id, active: false });
    const undo = await undoMailboxesDeactivation({ orgId: t.org.id, actorId: t.admin.id, receipt: run.done });
    expect(undo.restored).toEqual([a.id]);
    expect(undo.kept.map((k) => k.id)).toEqual([b.id]);
    expect(await activeOf(b.id)).toBe(false);
    // a second Undo of the same receipt changes nothing
    expect(
      (await undoMailboxesDeactivation({ orgId: t.org.id, actorId: t.admin.id, receipt: run.done })).restored,
    ).toEqual([]);
  });
});
