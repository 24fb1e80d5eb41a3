import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { mailbox, queueMailbox } from "@/db/schema";
import { testMailboxes, testQueue } from "@/tests/queue-fixtures";
import { createTestOrg, signInAs, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox, mailboxInput } from "@/tests/mailbox-fixtures";
import {
  bulkLinkMailboxesToQueueAction,
  bulkActivateMailboxesAction,
  createMailboxAction,
  removeMailboxFromQueuesAction,
  updateMailboxAction,
} from "./mailboxes";

let t: TestOrg;
beforeEach(async () => {
  t = await createTestOrg();
  await signInAs(t.admin.email);
});

const activeOf = async (id: string) =>
  (await getDb().select({ active: mailbox.active }).from(mailbox).where(eq(mailbox.id, id)))[0].active;
const linksOf = async (id: string) => getDb().select().from(queueMailbox).where(eq(queueMailbox.mailboxId, id));

describe("S1 bulk actions (R13, R15-R17), each mailbox through its own service", () => {
  it("activates each selected mailbox, and never deactivates: that is the dry run, the run and its Undo", async () => {
    const [a, b] = await testMailboxes(t, 2, { active: false });
    const on = await insertTestMailbox(t, { localPart: "on" });
    const r = await bulkActivateMailboxesAction({ ids: [a.id, b.id] });
    expect(r?.data?.results).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: true },
    ]);
    expect([await activeOf(a.id), await activeOf(b.id)]).toEqual([true, true]);
    // The old shape ({ active: false }) deactivates nothing: the flag is not part of the action's input.
    await bulkActivateMailboxesAction({ ids: [on.id], active: false } as never);
    expect(await activeOf(on.id)).toBe(true);
  });

  it("adds to a queue: the first active one becomes the default; an inactive first one is refused for itself", async () => {
    const [inactive] = await testMailboxes(t, 1, { active: false, prefix: "off" });
    const [on] = await testMailboxes(t, 1, { prefix: "on" });
    const q = (await testQueue(t)).id;
    const r = await bulkLinkMailboxesToQueueAction({ ids: [inactive.id, on.id], queueId: q });
    expect(r?.data?.results[0]).toMatchObject({
      id: inactive.id,
      ok: false,
      message: expect.stringContaining("inactive"),
    });
    expect(r?.data?.results[1]).toEqual({ id: on.id, ok: true });
    expect(await linksOf(on.id)).toEqual([expect.objectContaining({ queueId: q, isDefault: true })]);
  });
});

describe("S2/S3 Queues field", () => {
  it("creates with its queues and the default sender it asked for, through the queue services", async () => {
    const [existing] = await testMailboxes(t, 1);
    const q1 = (await testQueue(t, [existing.id])).id;
    const q2 = (await testQueue(t)).id;
    const r = await createMailboxAction({
      ...mailboxInput(t, { localPart: "withqueues" }),
      queues: [
        { queueId: q1, makeDefault: true },
        { queueId: q2, makeDefault: false },
      ],
    } as never);
    expect(r?.data?.queueRefusals).toEqual([]);
    const links = await linksOf(r!.data!.id);
    expect(links.map((l) => [l.queueId, l.isDefault]).sort()).toEqual(
      [
        [q1, true],
        [q2, true],
      ].sort(),
    );
    expect((await linksOf(existing.id))[0].isDefault).toBe(false);
  });

  it("an edit unlinks queues left out, and reports a refusal without losing the saved fields", async () => {
    const m = await insertTestMailbox(t, { localPart: "edited" });
    const [other] = await testMailboxes(t, 1);
    const keep = (await testQueue(t, [m.id])).id;
    // m is the default of `drop`, with another mailbox: R16 refuses its unlink
    const drop = (await testQueue(t, [m.id, other.id])).id;
    const r = await updateMailboxAction({
      ...mailboxInput(t, { localPart: "edited", displayName: "Renamed" }),
      id: m.id,
      version: m.version,
      queues: [{ queueId: keep, makeDefault: false }],
    } as never);
    expect(r?.data?.queueRefusals).toEqual([expect.stringContaining("default")]);
    expect((await getDb().select().from(mailbox).where(eq(mailbox.id, m.id)))[0].displayName).toBe("Renamed");
    expect((await linksOf(m.id)).map((l) => l.queueId).sort()).toEqual([keep, drop].sort());
  });
});

describe("S4 one-click fix: remove from these queues (R14, R16)", () => {
  it("hands the default to the successor first, then unlinks, so the mailbox can be deleted", async () => {
    const m = await insertTestMailbox(t, { localPart: "leaving" });
    const [successor] = await testMailboxes(t, 1);
    const q = (await testQueue(t, [m.id, successor.id])).id;
    const r = await removeMailboxFromQueuesAction({ id: m.id, queues: [{ queueId: q, successorId: successor.id }] });
    expect(r?.data?.refused).toEqual([]);
    expect(await linksOf(m.id)).toEqual([]);
    expect(await linksOf(successor.id)).toEqual([expect.objectContaining({ isDefault: true })]);
  });
});
