import { describe, expect, it, beforeEach } from "vitest";
import { setMailboxActive } from "@/lib/mailboxes/set-mailbox-active";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";
import {
  expectOnlyRefusals,
  expectQueueInvariants,
  onPostgres,
  queueState,
  testMailboxes,
  testQueue,
  warmPool,
} from "@/tests/queue-fixtures";
import { setDefaultMailbox } from "./set-default-mailbox";
import { unlinkMailboxFromQueue } from "./unlink-mailbox-from-queue";

let t: TestOrg;
beforeEach(async () => {
  t = await createTestOrg();
});
const makeDefault = (queueId: string, mailboxId: string) =>
  setDefaultMailbox({ orgId: t.org.id, actorId: t.admin.id, queueId, mailboxId });
const unlink = (queueId: string, mailboxId: string) =>
  unlinkMailboxFromQueue({ orgId: t.org.id, actorId: t.admin.id, queueId, mailboxId });

describe("setDefaultMailbox", () => {
  it("R16 moves the default in one transaction", async () => {
    const [a, b] = await testMailboxes(t, 2);
    const q = await testQueue(t, [a.id, b.id]);
    await makeDefault(q.id, b.id);
    expect((await expectQueueInvariants(q.id)).find((l) => l.isDefault)?.mailboxId).toBe(b.id);
  });

  it("R17 refuses an inactive mailbox as the default, and changes nothing", async () => {
    const [a] = await testMailboxes(t, 1);
    const [old] = await testMailboxes(t, 1, { prefix: "old", active: false });
    const q = await testQueue(t, [a.id, old.id]);
    await expectUnchanged(t.org.id, () => expect(makeDefault(q.id, old.id)).rejects.toMatchObject({ code: "INVALID" }));
  });

  it.skipIf(!onPostgres)(
    "R16 two concurrent “make default” requests for different mailboxes leave exactly one default (PostgreSQL only)",
    async () => {
      await warmPool();
      for (let round = 0; round < 10; round++) {
        const [a, b, c] = await testMailboxes(t, 3, { prefix: `r${round}-` });
        const q = await testQueue(t, [a.id, b.id, c.id]);
        const outcomes = expectOnlyRefusals(
          await Promise.allSettled([makeDefault(q.id, b.id), makeDefault(q.id, c.id)]),
        );
        expect(outcomes).toEqual(["ok", "ok"]);
        const links = await expectQueueInvariants(q.id);
        expect([b.id, c.id]).toContain(links.find((l) => l.isDefault)?.mailboxId);
      }
    },
  );

  it.skipIf(!onPostgres)(
    "R16 concurrent “unlink” and “make default” never leave a non-empty queue without a default (PostgreSQL only)",
    async () => {
      await warmPool();
      for (let round = 0; round < 10; round++) {
        const [a, b, c] = await testMailboxes(t, 3, { prefix: `r${round}-` });
        const q = await testQueue(t, [a.id, b.id, c.id]);
        // Unlink the default while another becomes the default, and unlink the one that is becoming the default.
        const calls =
          round % 2
            ? [unlink(q.id, a.id), makeDefault(q.id, b.id), unlink(q.id, b.id)]
            : [makeDefault(q.id, b.id), unlink(q.id, b.id), unlink(q.id, a.id)];
        expectOnlyRefusals(await Promise.allSettled(calls));
        const links = await expectQueueInvariants(q.id);
        expect(links.length).toBeGreaterThanOrEqual(1);
      }
    },
  );

  it.skipIf(!onPostgres)(
    "R17 “make default” racing the mailbox's deactivation never leaves an inactive default (PostgreSQL only)",
    async () => {
      await warmPool();
      for (let round = 0; round < 8; round++) {
        const [a, b] = await testMailboxes(t, 2, { prefix: `r${round}-` });
        const q = await testQueue(t, [a.id, b.id]);
        const deactivate = () => setMailboxActive({ orgId: t.org.id, actorId: t.admin.id, id: b.id, active: false });
        const calls = round % 2 ? [makeDefault(q.id, b.id), deactivate()] : [deactivate(), makeDefault(q.id, b.id)];
        const outcomes = expectOnlyRefusals(await Promise.allSettled(calls));
        expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
        await expectQueueInvariants(q.id);
        expect(await queueState(q.id)).toHaveLength(2);
      }
    },
  );
});
