import { beforeEach, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { findQueues } from "./find-queues";
import { loadQueuePage } from "./load-queue-page";
import { testQueue } from "@/tests/queue-fixtures";
import {
  packEvents,
  packLinkable,
  packLinks,
  packQueues,
  unpackEvents,
  unpackLinkable,
  unpackLinks,
  unpackQueues,
} from "./queue-rows";

let t: TestOrg;
beforeEach(async () => {
  t = await createTestOrg();
});

async function queriesOf(fn: () => Promise<unknown>) {
  const before = getDbHandle().queryCount();
  await fn();
  return getDbHandle().queryCount() - before;
}

describe("loadQueuePage (S5)", () => {
  it("splits the organisation's mailboxes into the queue's (default marked) and the ones it can still take, both by display name", async () => {
    const [carol, alice, bob, dave] = await Promise.all(
      ["Carol", "Alice", "Bob", "Dave"].map((n, i) =>
        insertTestMailbox(t, { localPart: n.toLowerCase(), displayName: n, active: i !== 3 }),
      ),
    );
    const q = await testQueue(t, [carol.id, alice.id]);
    const other = await createTestOrg();
    await insertTestMailbox(other, { localPart: "elsewhere", displayName: "Aaron elsewhere" });

    const { queue, linkable, events } = await loadQueuePage(t.org.id, q.id);
    expect(queue.mailboxes.map((m) => [m.displayName, m.address, m.isDefault, m.active])).toEqual([
      ["Alice", alice.address, false, true],
      ["Carol", carol.address, true, true],
    ]);
    expect(linkable).toEqual([
      { id: bob.id, displayName: "Bob", address: bob.address, active: true },
      { id: dave.id, displayName: "Dave", address: dave.address, active: false },
    ]);
    expect(events.map((e) => e.action)).toEqual(["queue.mailbox_linked", "queue.mailbox_linked", "queue.created"]);
  });

  it("an empty queue of an organisation without mailboxes has neither linked nor linkable mailboxes", async () => {
    const q = await testQueue(t);
    const { queue, linkable } = await loadQueuePage(t.org.id, q.id);
    expect(queue.name).toBe(q.name);
    expect(queue.mailboxes).toEqual([]);
    expect(linkable).toEqual([]);
  });

  it("R18 another organisation's queue is not found, exactly like a missing one", async () => {
    const q = await testQueue(t);
    const other = await createTestOrg();
    await expect(loadQueuePage(other.org.id, q.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadQueuePage(t.org.id, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("sends the same number of queries for 1 mailbox as for 20", async () => {
    const boxes = await Promise.all(Array.from({ length: 21 }, (_, i) => insertTestMailbox(t, { localPart: `n${i}` })));
    const one = await testQueue(t, [boxes[0].id]);
    const full = await testQueue(
      t,
      boxes.slice(1).map((m) => m.id),
    );
    const a = await queriesOf(() => loadQueuePage(t.org.id, one.id));
    const b = await queriesOf(() => loadQueuePage(t.org.id, full.id));
    expect(b).toBe(a);
    expect(a).toBeLessThanOrEqual(2);
  });
});

describe("queue-rows: what the queue screens send to the browser (issue 13)", () => {
  it("packs rows into short tuples and unpacks them into what the loaders returned", async () => {
    const boxes = await Promise.all(
      ["Zed", "Amy", "Kim"].map((n, i) =>
        insertTestMailbox(t, { localPart: n.toLowerCase(), displayName: n, active: i !== 2 }),
      ),
    );
    const q = await testQueue(t, [boxes[0].id, boxes[1].id]);
    await testQueue(t);
    const { queue, linkable, events } = await loadQueuePage(t.org.id, q.id);

    expect(unpackLinks(packLinks(queue.mailboxes))).toEqual(queue.mailboxes);
    expect(unpackLinkable(packLinkable(linkable))).toEqual(linkable);
    expect(unpackEvents(packEvents(events), queue)).toEqual(
      events.map((e) => ({ ...e, entityType: "queue", entityId: queue.id, entityLabel: queue.name, actorEmail: null })),
    );
    const queues = await findQueues(t.org.id);
    expect(unpackQueues(packQueues(queues))).toEqual(
      queues.map((s) => ({
        ...s,
        defaultMailbox: s.defaultMailbox && {
          displayName: s.defaultMailbox.displayName,
          address: s.defaultMailbox.address,
        },
      })),
    );
    expect(packLinks(queue.mailboxes)[0]).toEqual([
      boxes[1].id,
      "Amy",
      boxes[1].address,
      1,
      0,
      queue.mailboxes[0].linkedAt.getTime(),
    ]);
  });
});
