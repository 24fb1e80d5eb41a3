import { beforeEach, describe, expect, it } from "vitest";
import { setMailboxActive } from "@/lib/mailboxes/set-mailbox-active";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";
import { linkMailboxToQueue } from "./link-mailbox-to-queue";
import {
  expectOnlyRefusals,
  expectQueueInvariants,
  onPostgres,
  testMailboxes,
  testQueue,
  warmPool,
} from "@/tests/queue-fixtures";

let t: TestOrg;
beforeEach(async () => {
  t = await createTestOrg();
});
const link = (queueId: string, mailboxId: string) =>
  linkMailboxToQueue({ orgId: t.org.id, actorId: t.admin.id, queueId, mailboxId });

describe("linkMailboxToQueue", () => {
  it("R15 refuses the 21st mailbox, and changes nothing", async () => {
    const boxes = await testMailboxes(t, 21);
    const q = await testQueue(
      t,
      boxes.slice(0, 20).map((m) => m.id),
    );
    await expectUnchanged(t.org.id, () =>
      expect(link(q.id, boxes[20].id)).rejects.toMatchObject({ code: "LIMIT_REACHED" }),
    );
    expect(await expectQueueInvariants(q.id)).toHaveLength(20);
  });

  it.skipIf(!onPostgres)(
    "R15 25 concurrent links to a queue holding 19 mailboxes leave exactly 20 (PostgreSQL only: PGlite runs one transaction at a time)",
    async () => {
      await warmPool();
      for (let round = 0; round < 3; round++) {
        const boxes = await testMailboxes(t, 19 + 25, { prefix: `r${round}-` });
        const q = await testQueue(
          t,
          boxes.slice(0, 19).map((m) => m.id),
        );
        const results = await Promise.allSettled(boxes.slice(19).map((m) => link(q.id, m.id)));
        const outcomes = expectOnlyRefusals(results);
        expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
        expect(outcomes.filter((o) => o === "LIMIT_REACHED")).toHaveLength(24);
        expect(await expectQueueInvariants(q.id)).toHaveLength(20);
      }
    },
  );

  it.skipIf(!onPostgres)(
    "R16 concurrent first links to an empty queue leave exactly one default (PostgreSQL only)",
    async () => {
      await warmPool();
      const boxes = await testMailboxes(t, 8);
      const q = await testQueue(t);
      expectOnlyRefusals(await Promise.allSettled(boxes.map((m) => link(q.id, m.id))));
      expect(await expectQueueInvariants(q.id)).toHaveLength(8);
    },
  );

  it.skipIf(!onPostgres)(
    "R17 a first link racing the mailbox's deactivation never leaves an inactive default (PostgreSQL only)",
    async () => {
      await warmPool();
      for (let round = 0; round < 8; round++) {
        const [m] = await testMailboxes(t, 1, { prefix: `r${round}-` });
        const q = await testQueue(t);
        const deactivate = () => setMailboxActive({ orgId: t.org.id, actorId: t.admin.id, id: m.id, active: false });
        const calls = round % 2 ? [link(q.id, m.id), deactivate()] : [deactivate(), link(q.id, m.id)];
        const outcomes = expectOnlyRefusals(await Promise.allSettled(calls));
        // Exactly one of the two wins: linked as the (active) default, or deactivated and the link refused.
        expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
        await expectQueueInvariants(q.id);
      }
    },
  );
});
