import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { inboundMessage } from "@/db/schema";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { findInboundMessages } from "./find-inbound-messages";
import { findInboundMessagesBefore } from "./find-inbound-messages-before";

const messages = (orgId: string, mailboxId: string, n: number) =>
  getDb()
    .insert(inboundMessage)
    .values(
      Array.from({ length: n }, (_, i) => ({
        orgId,
        mailboxId,
        messageId: `<${i}-${randomUUID()}@x>`,
        sizeBytes: i,
        receivedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    );

describe("S4's inbound messages, one Page<T> (issue 18 item 3)", () => {
  it("with exactly 20 messages, the first page has nothing older (Show older used to open an empty page)", async () => {
    const t = await createTestOrg();
    const m = await insertTestMailbox(t, { localPart: "twenty" });
    await messages(t.org.id, m.id, 20);
    const page = await findInboundMessages(t.org.id, m.id, 20);
    expect(page.items).toHaveLength(20);
    expect(page.hasOlder).toBe(false);
  });

  it("with 21, the first page has one older message, and the next page is that one, with nothing beyond", async () => {
    const t = await createTestOrg();
    const m = await insertTestMailbox(t, { localPart: "twentyone" });
    await messages(t.org.id, m.id, 21);
    const page = await findInboundMessages(t.org.id, m.id, 20);
    expect(page).toMatchObject({ hasOlder: true });
    expect(page.items).toHaveLength(20);
    const older = await findInboundMessagesBefore({
      orgId: t.org.id,
      mailboxId: m.id,
      before: page.items.at(-1)!.id,
      limit: 20,
    });
    expect(older.items.map((x) => x.sizeBytes)).toEqual([0]);
    expect(older.hasOlder).toBe(false);
  });
});
