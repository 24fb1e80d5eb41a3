import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { forwardingCheck, forwardingVerification, inboundMessage } from "@/db/schema";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { loadMailboxHealth } from "./load-mailbox-health";

const HOUR = 3_600_000;

describe("S4 health: timeline of checks and 14 days of received mail", () => {
  it("lists manual and scheduled checks with their outcomes, and counts mail per day in the organisation's zone", async () => {
    const t = await createTestOrg();
    const m = await insertTestMailbox(t, { localPart: "support" });
    const now = new Date("2026-11-26T10:00:00Z");
    await getDb()
      .insert(forwardingVerification)
      .values({
        orgId: t.org.id,
        mailboxId: m.id,
        address: m.address,
        token: `fv-${crypto.randomUUID()}`,
        requestedBy: t.admin.id,
        requestedAt: new Date(now.getTime() - 30 * HOUR),
        expiresAt: new Date(now.getTime() - 29.75 * HOUR),
        verifiedAt: new Date(now.getTime() - 29.9 * HOUR),
      })
      .returning();
    const [auto] = await getDb()
      .insert(forwardingVerification)
      .values({
        orgId: t.org.id,
        mailboxId: m.id,
        address: m.address,
        token: `fv-${crypto.randomUUID()}`,
        requestedAt: new Date(now.getTime() - 2 * HOUR),
        expiresAt: new Date(now.getTime() - 1.75 * HOUR),
      })
      .returning();
    await getDb().insert(forwardingCheck).values({
      orgId: t.org.id,
      mailboxId: m.id,
      reason: "schedule",
      slot: auto.requestedAt,
      createdAt: auto.requestedAt,
      doneAt: auto.requestedAt,
      verificationId: auto.id,
    });
    // 23:30 UTC on the 25th is 00:30 on the 26th in Paris: counted on the 26th.
    await getDb()
      .insert(inboundMessage)
      .values([
        {
          orgId: t.org.id,
          mailboxId: m.id,
          receivedAt: new Date("2026-11-25T23:30:00Z"),
          messageId: "<a@x>",
          sizeBytes: 1,
        },
        {
          orgId: t.org.id,
          mailboxId: m.id,
          receivedAt: new Date("2026-11-26T08:00:00Z"),
          messageId: "<b@x>",
          sizeBytes: 1,
          autoSubmitted: true,
          kind: "platform",
        },
        {
          orgId: t.org.id,
          mailboxId: m.id,
          receivedAt: new Date("2026-11-20T12:00:00Z"),
          messageId: "<c@x>",
          sizeBytes: 1,
        },
      ]);
    const view = await loadMailboxHealth(t.org.id, m.id, "Europe/Paris", now);
    expect(view.health).toMatchObject({ state: "needs_attention", cause: { kind: "verification_failed" } });
    expect(view.timeline).toMatchObject([
      { kind: "check", trigger: "schedule", outcome: "failed", actorName: null },
      { kind: "check", trigger: "manual", outcome: "verified", actorName: `Admin ${t.tag}` },
    ]);
    expect(view.days).toHaveLength(14);
    expect(view.days.at(-1)).toEqual({ day: "2026-11-26", customer: 1, automatic: 1 });
    expect(view.days.find((d) => d.day === "2026-11-20")).toEqual({ day: "2026-11-20", customer: 1, automatic: 0 });
    expect(view.days.find((d) => d.day === "2026-11-25")).toEqual({ day: "2026-11-25", customer: 0, automatic: 0 });
    // Another organisation sees nothing of it.
    const other = await createTestOrg();
    expect((await loadMailboxHealth(other.org.id, m.id, "Europe/Paris", now)).timeline).toEqual([]);
  });
});
