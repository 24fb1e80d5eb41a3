import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiIdempotency, auditEvent, forwardingVerification, inboundMessage } from "@/db/schema";
import { createApiKey } from "@/lib/api/create-api-key";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { retentionOptionsFromEnv, runRetention } from "./run-retention";
import { parseConfig } from "@/lib/config";

const NOW = new Date("2026-11-26T12:00:00.000Z");
const daysAgo = (d: number, extraMs = 0) => new Date(NOW.getTime() - d * 86_400_000 - extraMs);

async function messages(t: Awaited<ReturnType<typeof createTestOrg>>, mailboxId: string, ages: number[]) {
  await getDb()
    .insert(inboundMessage)
    .values(
      ages.map((age, i) => ({
        orgId: t.org.id,
        mailboxId,
        receivedAt: daysAgo(age, i),
        messageId: `<${randomUUID()}@test>`,
        sizeBytes: 10,
      })),
    );
}
const countOf = async (mailboxId: string) =>
  (await getDb().select().from(inboundMessage).where(eq(inboundMessage.mailboxId, mailboxId))).length;

describe("R33 retention", () => {
  it("R33 prunes inbound messages older than the retention and beyond the per-mailbox cap (newest kept), in batches", async () => {
    const t = await createTestOrg();
    const a = await insertTestMailbox(t, { localPart: "a" });
    const b = await insertTestMailbox(t, { localPart: "b" });
    await messages(t, a.id, [1, 2, 3, 89, 91, 120]);
    await messages(t, b.id, [0, 0, 1, 1, 2, 2, 3, 3]);
    const result = await runRetention(getDb(), {
      now: NOW,
      inboundRetentionDays: 90,
      maxInboundPerMailbox: 5,
      batchSize: 2,
      orgId: t.org.id,
    });
    expect(await countOf(a.id)).toBe(4);
    expect(await countOf(b.id)).toBe(5);
    expect(result.inboundExpired).toBeGreaterThanOrEqual(2);
    expect(result.inboundOverCap).toBeGreaterThanOrEqual(3);
    const kept = await getDb()
      .select({ receivedAt: inboundMessage.receivedAt })
      .from(inboundMessage)
      .where(eq(inboundMessage.mailboxId, b.id));
    // the 3 oldest went
    expect(Math.max(...kept.map((k) => NOW.getTime() - k.receivedAt.getTime()))).toBeLessThan(3 * 86_400_000);
  });

  it("R33 prunes finished verifications after 30 days but keeps each mailbox's latest and pending ones", async () => {
    const t = await createTestOrg();
    const m = await insertTestMailbox(t, { localPart: "v" });
    const only = await insertTestMailbox(t, { localPart: "only" });
    const row = (mailboxId: string, age: number, verified: boolean) => ({
      orgId: t.org.id,
      mailboxId,
      token: randomUUID().replaceAll("-", ""),
      address: "v@example.com",
      requestedAt: daysAgo(age),
      expiresAt: new Date(daysAgo(age).getTime() + 600_000),
      verifiedAt: verified ? daysAgo(age) : null,
    });
    const inserted = await getDb()
      .insert(forwardingVerification)
      .values([row(m.id, 60, true), row(m.id, 45, false), row(m.id, 10, true), row(only.id, 200, true)])
      .returning();
    await runRetention(getDb(), { now: NOW, orgId: t.org.id });
    const left = await getDb()
      .select()
      .from(forwardingVerification)
      .where(
        inArray(
          forwardingVerification.id,
          inserted.map((i) => i.id),
        ),
      );
    expect(left.map((l) => l.id).sort()).toEqual([inserted[2].id, inserted[3].id].sort());
  });

  it("keeps the audit history for the stated bound (730 days by default)", async () => {
    const t = await createTestOrg();
    const base = {
      orgId: t.org.id,
      actorId: null,
      action: "mailbox.created",
      entityType: "mailbox",
      entityId: randomUUID(),
      entityLabel: "x",
    };
    await getDb()
      .insert(auditEvent)
      .values([
        { ...base, createdAt: daysAgo(731) },
        { ...base, createdAt: daysAgo(729) },
      ]);
    await runRetention(getDb(), { now: NOW, orgId: t.org.id });
    const left = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.entityId, base.entityId)));
    expect(left.map((e) => e.createdAt)).toEqual([daysAgo(729)]);
  });

  it("reads its settings from the environment, with the documented defaults", () => {
    expect(retentionOptionsFromEnv(parseConfig({}))).toEqual({
      inboundRetentionDays: 90,
      maxInboundPerMailbox: 5000,
      verificationRetentionDays: 30,
      auditRetentionDays: 730,
    });
    expect(retentionOptionsFromEnv(parseConfig({ INBOUND_RETENTION_DAYS: "30" }))).toMatchObject({
      inboundRetentionDays: 30,
      maxInboundPerMailbox: 5000,
    });
    expect(() => parseConfig({ INBOUND_MAX_PER_MAILBOX: "abc" })).toThrow(/INBOUND_MAX_PER_MAILBOX="abc"/);
  });
});

describe("R33 retention across organisations", () => {
  it("R33 a run without an organisation prunes every organisation's expired messages, and prunes finished sign-in limits", async () => {
    const t = await createTestOrg();
    const m = await insertTestMailbox(t, { localPart: "all" });
    await messages(t, m.id, [400, 1]);
    const result = await runRetention(getDb(), { now: NOW });
    expect(await countOf(m.id)).toBe(1);
    expect(result.inboundExpired).toBeGreaterThanOrEqual(1);
  });

  it("R42 prunes the API's stored Idempotency-Key answers once their 24 hours are over, and keeps the others", async () => {
    const t = await createTestOrg();
    const key = await createApiKey({ orgId: t.org.id, actorId: null, name: "Retention", access: "write" });
    const row = (k: string, at: Date) => ({
      keyId: key.id,
      idempotencyKey: k,
      requestHash: "h",
      status: 201,
      body: {},
      headers: {},
      createdAt: at,
    });
    await getDb()
      .insert(apiIdempotency)
      .values([row("old", daysAgo(1, 1)), row("fresh", daysAgo(1, -60_000))]);
    const result = await runRetention(getDb(), { now: NOW, orgId: t.org.id });
    expect(result.idempotencyPruned).toBe(1);
    const left = await getDb()
      .select({ k: apiIdempotency.idempotencyKey })
      .from(apiIdempotency)
      .where(eq(apiIdempotency.keyId, key.id));
    expect(left.map((r) => r.k)).toEqual(["fresh"]);
  });
});
