import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, forwardingVerification } from "@/db/schema";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { formatAuditValue } from "@/lib/audit/describe";
import { loadForwardingPanel } from "@/lib/forwarding/load-forwarding-panel";
import { stateLabel } from "@/lib/mailbox-state/state-map";
import { createTestOrg, expectUnchanged } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { loadMailboxHealth } from "@/lib/health/load-mailbox-health";
import { runHealthTick } from "./run-health-tick";

const MIN = 60_000;

// Issue 18: an expired verification is settled by the health tick, which writes its history line; S4 only reads
// (a GET must not write), and its "Checks" list and its state say the same thing before and after the tick.
describe("R22 R29 expired verifications are settled by the tick, never by a page", () => {
  it("S4's reads write nothing; the tick fails the verification at its timeout and writes why, as a code", async () => {
    const domain = `${crypto.randomUUID().slice(0, 8)}.mycompany.test`;
    const t = await createTestOrg({ domains: [domain] });
    const m = await insertTestMailbox(t, { localPart: "support" });
    const address = `support@${domain}`;
    const now = new Date();
    const requestedAt = new Date(now.getTime() - 20 * MIN);
    const expiresAt = new Date(now.getTime() - 5 * MIN);
    const token = `fv-tick-${crypto.randomUUID()}`;
    await getDb()
      .insert(forwardingVerification)
      .values({ orgId: t.org.id, mailboxId: m.id, token, address, requestedAt, expiresAt });
    const verification = () =>
      getDb().select().from(forwardingVerification).where(eq(forwardingVerification.token, token));

    // What S4 reads, as the page reads it: nothing changes, not even the verification.
    const before = await verification();
    const [health] = await expectUnchanged(t.org.id, () =>
      Promise.all([
        loadMailboxHealth(t.org.id, m.id, "Europe/Paris", now),
        loadForwardingPanel({ orgId: t.org.id, orgSlug: t.org.slug, mailboxId: m.id, address, now }),
        findAuditEvents({ orgId: t.org.id, entityType: "mailbox", entityId: m.id, limit: 50 }),
      ]),
    );
    expect(await verification()).toEqual(before);
    // Already "Verification failed", and the "Checks" list agrees.
    expect(stateLabel(health.health)).toBe("Verification failed");
    expect(health.timeline).toMatchObject([{ kind: "check", outcome: "failed" }]);

    // The tick settles it: failed at its timeout, with one history line whose "why" is a code.
    const summary = await runHealthTick(getDb(), {
      orgId: t.org.id,
      now,
      intervalMs: 86_400_000,
      enqueue: async () => {},
      detectSilence: false,
    });
    expect(summary.settled).toBeGreaterThanOrEqual(1);
    const [settled] = await verification();
    expect(settled).toMatchObject({ failedAt: expiresAt, failureReason: "timeout" });
    const events = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, m.id), eq(auditEvent.action, "mailbox.verification_failed")));
    expect(events).toHaveLength(1);
    expect(events[0].changes.why?.to).toEqual({ code: "timed_out", address, timeoutMs: 15 * MIN });
    expect(formatAuditValue(events[0].changes.why?.to, "why")).toBe(
      `the test message sent to ${address} did not come back through the alias within 15 minutes`,
    );
    // A second tick finds nothing left to settle for this mailbox; the state and the list still agree.
    await runHealthTick(getDb(), {
      orgId: t.org.id,
      now: new Date(now.getTime() + MIN),
      intervalMs: 86_400_000,
      enqueue: async () => {},
      detectSilence: false,
    });
    expect(
      await getDb()
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.entityId, m.id), eq(auditEvent.action, "mailbox.verification_failed"))),
    ).toHaveLength(1);
    const after = await loadMailboxHealth(t.org.id, m.id, "Europe/Paris", now);
    expect(stateLabel(after.health)).toBe("Verification failed");
    expect(after.timeline).toMatchObject([{ kind: "check", outcome: "failed", doneAt: expiresAt }]);
  });
});
