import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { mailbox } from "@/db/schema";
import { createTestOrg, expectUnchanged } from "@/tests/fixtures";
import { insertTestMailbox, mailboxInput } from "@/tests/mailbox-fixtures";

// The row lock is replaced by a read that saw the mailbox before someone else's save committed: the state a
// lost lock leaves. Only the UPDATE's own `version = …` condition can then refuse the stale save.
const staleRead = vi.hoisted(() => ({ version: undefined as number | undefined }));
vi.mock("./lock-mailbox", async (importOriginal) => {
  const real = await importOriginal<typeof import("./lock-mailbox")>();
  return {
    lockMailbox: async (...args: Parameters<typeof real.lockMailbox>) => {
      const row = await real.lockMailbox(...args);
      return staleRead.version === undefined ? row : { ...row, version: staleRead.version };
    },
  };
});

const { updateMailbox } = await import("./update-mailbox");

describe("R12 stale edits without the row lock", () => {
  it("R12 refuses a save based on version 1 after version 2 was saved, by the UPDATE's version condition alone", async () => {
    const t = await createTestOrg();
    const m = await insertTestMailbox(t, { localPart: "sales", displayName: "Sales" });
    await updateMailbox({
      orgId: t.org.id,
      actorId: t.admin.id,
      id: m.id,
      version: 1,
      ...mailboxInput(t, { localPart: "sales", displayName: "Sales A" }),
    });
    staleRead.version = 1; // the second editor's read happened before the first save
    try {
      await expectUnchanged(t.org.id, async () => {
        await expect(
          updateMailbox({
            orgId: t.org.id,
            actorId: t.admin.id,
            id: m.id,
            version: 1,
            ...mailboxInput(t, { localPart: "sales", displayName: "Sales B" }),
          }),
        ).rejects.toMatchObject({ code: "CONFLICT" });
      });
    } finally {
      staleRead.version = undefined;
    }
    const [row] = await getDb().select().from(mailbox).where(eq(mailbox.id, m.id));
    expect(row).toMatchObject({ displayName: "Sales A", version: 2 });
  });
});
