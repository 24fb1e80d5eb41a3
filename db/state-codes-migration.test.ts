import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, forwardingVerification, healthIncident } from "@/db/schema";
import { formatAuditValue } from "@/lib/audit/describe";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";

// Migration 0005: the English sentences stored before codes become codes with their parameters.
const migration = readFileSync(path.join(import.meta.dirname, "migrations/0005_state_codes.sql"), "utf8")
  .split("--> statement-breakpoint")
  .map((s) => s.trim())
  .filter(Boolean);

describe("migration 0005: stored English becomes codes", () => {
  it("converts the history's whys and an incident's reason, and leaves anything else as it was", async () => {
    const domain = `${crypto.randomUUID().slice(0, 8)}.mycompany.test`;
    const t = await createTestOrg({ domains: [domain] });
    const m = await insertTestMailbox(t, { localPart: "support" });
    const address = `support@${domain}`;
    const status = "550 5.7.520 Access denied, Your organization does not allow external forwarding. AS(7555)";
    const failedAt = new Date("2026-11-20T10:00:00.000Z");
    await getDb()
      .insert(forwardingVerification)
      .values({
        orgId: t.org.id,
        mailboxId: m.id,
        token: `fv-mig-${crypto.randomUUID()}`,
        address,
        requestedAt: new Date(failedAt.getTime() - 60_000),
        expiresAt: new Date(failedAt.getTime() + 840_000),
        failedAt,
        failureReason: "bounce",
        bounceKind: "m365_forwarding_blocked",
        bounceStatus: status,
      });
    const whys = [
      `Microsoft 365 blocks forwarding to external addresses: ${status}`,
      `the test message sent to ${address} did not come back through the alias within 15 minutes`,
      `the mailbox's address changed before the test message sent to ${address} came back`,
      `the provider held the test message sent to ${address} until its forwarding confirmation; verify again now that it is confirmed`,
      "something else entirely",
    ];
    const base = {
      orgId: t.org.id,
      actorId: null,
      action: "mailbox.verification_failed",
      entityType: "mailbox",
      entityId: m.id,
      entityLabel: address,
    };
    await getDb()
      .insert(auditEvent)
      .values(whys.map((why) => ({ ...base, changes: { why: { from: null, to: why } } })));
    await getDb()
      .insert(healthIncident)
      .values({
        orgId: t.org.id,
        mailboxId: m.id,
        openedAt: failedAt,
        cause: {
          kind: "verification_failed",
          at: failedAt.toISOString(),
          reason: "Microsoft 365 blocks forwarding to external addresses" as never,
        },
      });

    await getDb().transaction(async (tx) => {
      for (const statement of migration) await tx.execute(sql.raw(statement));
    });

    const events = await getDb().select().from(auditEvent).where(eq(auditEvent.entityId, m.id)).orderBy(auditEvent.id);
    expect(events.map((e) => e.changes.why?.to)).toEqual([
      { code: "bounce", kind: "m365_forwarding_blocked", status },
      { code: "timed_out", address, timeoutMs: 900_000 },
      { code: "address_changed", address },
      { code: "provider_held", address },
      "something else entirely",
    ]);
    // Read back in the history, they say what they said.
    expect(events.map((e) => formatAuditValue(e.changes.why?.to, "why"))).toEqual(whys);
    const [incident] = await getDb().select().from(healthIncident).where(eq(healthIncident.mailboxId, m.id));
    expect(incident.cause).toEqual({
      kind: "verification_failed",
      at: failedAt.toISOString(),
      reason: { code: "bounce", kind: "m365_forwarding_blocked", status },
    });
  });
});
