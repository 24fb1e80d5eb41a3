import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTestOrg, snapshotOrg, type TestOrg } from "@/tests/fixtures";
import { linkMailboxToQueue } from "./link-mailbox-to-queue";
import { expectQueueInvariants, queueState, testMailboxes, testQueue } from "@/tests/queue-fixtures";
import { setDefaultMailbox } from "./set-default-mailbox";
import { unlinkMailboxFromQueue } from "./unlink-mailbox-from-queue";

// R15–R17 against a model: any sequence of link / unlink / make default either does what the model says or is
// refused with the model's reason, leaving the database unchanged; after every step the invariants hold.
type Op = { kind: "link" | "unlink" | "default"; box: number };
type Model = { links: { box: number; isDefault: boolean }[] };

function expected(model: Model, op: Op, active: boolean[]): string {
  const link = model.links.find((l) => l.box === op.box);
  const hasDefault = model.links.some((l) => l.isDefault);
  switch (op.kind) {
    case "link":
      if (link) return "ALREADY_EXISTS";
      if (model.links.length >= 20) return "LIMIT_REACHED";
      if (!hasDefault && !active[op.box]) return "INVALID";
      model.links.push({ box: op.box, isDefault: !hasDefault });
      return "ok";
    case "unlink":
      if (!link) return "NOT_FOUND";
      if (link.isDefault && model.links.length > 1) return "IN_USE";
      model.links = model.links.filter((l) => l !== link);
      return "ok";
    case "default":
      if (!link) return "NOT_FOUND";
      if (link.isDefault) return "ok";
      if (!active[op.box]) return "INVALID";
      for (const l of model.links) l.isDefault = l === link;
      return "ok";
  }
}

let t: TestOrg;
let boxes: { id: string }[];
const active = [true, true, true, false];
beforeAll(async () => {
  t = await createTestOrg();
  boxes = [...(await testMailboxes(t, 3)), ...(await testMailboxes(t, 1, { prefix: "inactive", active: false }))];
});

describe("queue rules against a model", () => {
  it("R15–R17 hold after every step of any sequence of link, unlink and make default; refusals change nothing", async () => {
    const op = fc.record({
      kind: fc.constantFrom("link" as const, "unlink" as const, "default" as const),
      box: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const q = await testQueue(t);
        const model: Model = { links: [] };
        for (const o of ops) {
          const want = expected(model, o, active);
          const params = { orgId: t.org.id, actorId: t.admin.id, queueId: q.id, mailboxId: boxes[o.box].id };
          const call =
            o.kind === "link" ? linkMailboxToQueue : o.kind === "unlink" ? unlinkMailboxFromQueue : setDefaultMailbox;
          const before = want === "ok" ? null : await snapshotOrg(t.org.id);
          const got = await call(params).then(
            () => "ok",
            (e) => (e instanceof AppError ? e.code : `unexpected: ${e}`),
          );
          expect(got, `${o.kind} ${o.box}`).toBe(want);
          if (before) expect(await snapshotOrg(t.org.id)).toEqual(before);
          await expectQueueInvariants(q.id);
          const state = await queueState(q.id);
          expect(state.map((l) => [l.mailboxId, l.isDefault]).sort()).toEqual(
            model.links.map((l) => [boxes[l.box].id, l.isDefault]).sort(),
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});
