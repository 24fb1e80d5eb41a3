import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, inboundMessage } from "@/db/schema";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { expectUnchanged, twoOrgsSignedIn, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { loadOlderAuditEventsAction, loadOlderInboundMessagesAction } from "./history";

let t: TestOrg;
let other: TestOrg;
beforeEach(async () => {
  ({ t, other } = await twoOrgsSignedIn());
});

const SAME_MOMENT = new Date("2026-11-20T10:00:00.123Z");

describe("history paging: Show older (keyset, stable order)", () => {
  it("pages a mailbox's 25 events 10 at a time in a stable order, also when they share one timestamp", async () => {
    const entityId = randomUUID();
    await getDb()
      .insert(auditEvent)
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          orgId: t.org.id,
          actorId: null,
          action: "mailbox.updated",
          entityType: "mailbox",
          entityId,
          entityLabel: `edit ${i}`,
          createdAt: i < 12 ? SAME_MOMENT : new Date(SAME_MOMENT.getTime() + i * 1000),
        })),
      );
    const { items: first, hasOlder } = await findAuditEvents({
      orgId: t.org.id,
      entityType: "mailbox",
      entityId,
      limit: 10,
    });
    expect(hasOlder).toBe(true);
    const seen = first.map((e) => e.id);
    let before = first[first.length - 1].id;
    for (;;) {
      const r = await loadOlderAuditEventsAction({ entityType: "mailbox", entityId, before, limit: 10 });
      const data = r!.data!;
      seen.push(...data.items.map((e) => e.id));
      if (!data.hasOlder) break;
      before = data.items[data.items.length - 1].id;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const all = await findAuditEvents({ orgId: t.org.id, entityType: "mailbox", entityId, limit: 100 });
    expect(seen).toEqual(all.items.map((e) => e.id));
    expect(all.hasOlder).toBe(false);
  });

  it("the organisation-wide history tells a queue link once (from the queue's side); the mailbox's history still has it", async () => {
    const mailboxId = randomUUID();
    const queueId = randomUUID();
    const link = { orgId: t.org.id, actorId: null, action: "queue.mailbox_linked", createdAt: SAME_MOMENT };
    await getDb()
      .insert(auditEvent)
      .values([
        {
          ...link,
          entityType: "queue",
          entityId: queueId,
          entityLabel: "Billing",
          changes: { mailbox: { from: null, to: "billing@mycompany.com" } },
        },
        {
          ...link,
          entityType: "mailbox",
          entityId: mailboxId,
          entityLabel: "billing@mycompany.com",
          changes: { queue: { from: null, to: "Billing" } },
        },
      ]);
    const orgWide = (await findAuditEvents({ orgId: t.org.id, limit: 100 })).items.filter(
      (e) => e.action === "queue.mailbox_linked",
    );
    expect(orgWide.map((e) => e.entityType)).toEqual(["queue"]);
    const [newer] = await getDb()
      .insert(auditEvent)
      .values({
        orgId: t.org.id,
        actorId: null,
        action: "queue.renamed",
        entityType: "queue",
        entityId: queueId,
        entityLabel: "Billing",
        createdAt: new Date(SAME_MOMENT.getTime() + 1000),
      })
      .returning();
    const olderPage = await loadOlderAuditEventsAction({ before: newer.id, limit: 100 });
    expect(olderPage!.data!.items.filter((e) => e.action === "queue.mailbox_linked").map((e) => e.entityType)).toEqual([
      "queue",
    ]);
    const ofMailbox = await findAuditEvents({ orgId: t.org.id, entityType: "mailbox", entityId: mailboxId });
    expect(ofMailbox.items.map((e) => e.action)).toEqual(["queue.mailbox_linked"]);
  });

  it("R18 another organisation's cursor or mailbox finds nothing and changes nothing", async () => {
    const theirs = await insertTestMailbox(other, { localPart: "theirs", domainId: other.domains[0].id });
    await getDb()
      .insert(inboundMessage)
      .values(
        Array.from({ length: 3 }, () => ({
          orgId: other.org.id,
          mailboxId: theirs.id,
          messageId: `<${randomUUID()}@x>`,
          sizeBytes: 1,
        })),
      );
    const [theirEvent] = await getDb()
      .insert(auditEvent)
      .values({
        orgId: other.org.id,
        actorId: null,
        action: "mailbox.created",
        entityType: "mailbox",
        entityId: theirs.id,
        entityLabel: "theirs",
      })
      .returning();
    const r1 = await expectUnchanged(other.org.id, () =>
      loadOlderAuditEventsAction({ before: theirEvent.id + 1, limit: 10 }),
    );
    expect(r1?.data?.items.every((e) => e.entityLabel !== "theirs")).toBe(true);
    const [anyTheirs] = await getDb()
      .select({ id: inboundMessage.id })
      .from(inboundMessage)
      .where(eq(inboundMessage.mailboxId, theirs.id));
    const r2 = await expectUnchanged(other.org.id, () =>
      loadOlderInboundMessagesAction({ mailboxId: theirs.id, before: anyTheirs.id, limit: 10 }),
    );
    expect(r2?.data).toEqual({ items: [], hasOlder: false });
  });

  it("pages a mailbox's inbound messages, newest first, without repeats", async () => {
    const m = await insertTestMailbox(t, { localPart: "paged" });
    await getDb()
      .insert(inboundMessage)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          orgId: t.org.id,
          mailboxId: m.id,
          messageId: `<${i}-${randomUUID()}@x>`,
          sizeBytes: i,
          receivedAt: SAME_MOMENT,
        })),
      );
    const ids: string[] = [];
    const [newest] = await getDb()
      .select()
      .from(inboundMessage)
      .where(eq(inboundMessage.mailboxId, m.id))
      .orderBy(desc(inboundMessage.receivedAt), desc(inboundMessage.id))
      .limit(1);
    let before = newest.id;
    ids.push(before);
    for (;;) {
      const r = await loadOlderInboundMessagesAction({ mailboxId: m.id, before, limit: 2 });
      ids.push(...r!.data!.items.map((x) => x.id));
      if (!r!.data!.hasOlder) break;
      before = r!.data!.items.at(-1)!.id;
    }
    expect(new Set(ids).size).toBe(7);
  });
});
