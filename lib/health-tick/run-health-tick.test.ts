import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db";
import {
  forwardingCheck,
  forwardingVerification,
  healthIncident,
  inboundMessage,
  mailboxSilence,
  membership,
} from "@/db/schema";
import { createUser } from "@/db/seed";
import { deliverAlertEmail } from "@/lib/alerts/deliver-alert-email";
import { requestForwardingVerification } from "@/lib/forwarding/request-forwarding-verification";
import { runScheduledCheck } from "@/lib/forwarding/scheduled-check-run";
import { mailRoundTrip } from "@/tests/mail-round-trip";
import { aliasAddress } from "@/lib/alias";
import { findMailboxes } from "@/lib/mailboxes/find-mailboxes";
import type { PlatformMail } from "@/lib/platform-mail/send-platform-mail";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { findHealthFacts } from "@/lib/health/find-health-facts";
import { runHealthTick, type HealthJob } from "./run-health-tick";
import { eventually } from "@/tests/eventually";
import { parseConfig } from "@/lib/config";

const HOUR = 3_600_000;
const MIN = 60_000;
let t: TestOrg;
let secondAdmin: { id: string; email: string };
let sent: PlatformMail[];

/** One tick at `now`, then every job it enqueued, worked at once (what the queue's workers do). */
async function tick(now: Date, intervalMs = HOUR, database: Db = getDb()) {
  const jobs: HealthJob[] = [];
  const summary = await runHealthTick(database, {
    orgId: t.org.id,
    now,
    intervalMs,
    enqueue: async (j) => void jobs.push(...j),
  });
  // The tick is global: other test files' organisations share the database. Work this test's checks only.
  const ours = new Set(
    (
      await database.select({ id: forwardingCheck.id }).from(forwardingCheck).where(eq(forwardingCheck.orgId, t.org.id))
    ).map((c) => c.id),
  );
  for (const j of jobs) {
    if (j.name === "forwarding-check") {
      if (ours.has(j.id)) await runScheduledCheck(database, j.id, { now });
    } else await deliverAlertEmail(database, j.id, { now, send: record });
  }
  return summary;
}
// The tick is global: other test files' organisations share the database. Keep this test's admins' mail only.
const record = async (m: PlatformMail) => {
  if ([t.admin.email, secondAdmin.email].includes(m.to)) sent.push(m);
};
const checksOf = async (mailboxId: string) =>
  getDb().select().from(forwardingCheck).where(eq(forwardingCheck.mailboxId, mailboxId));
const healthOf = async (mailboxId: string, now: Date) => (await findHealthFacts(getDb(), { mailboxId }, now))[0].health;

beforeEach(async () => {
  const domain = `${crypto.randomUUID().slice(0, 8)}.mycompany.test`;
  t = await createTestOrg({ domains: [domain] });
  const email = `admin2-${t.tag}@test.example`;
  const id = await getDb().transaction((tx) => createUser(tx, { email, name: "Second admin", passwordHash: "x" }));
  await getDb().insert(membership).values({ orgId: t.org.id, userId: id, role: "admin" });
  secondAdmin = { id, email };
  sent = [];
});
const mail = mailRoundTrip({ domain: () => t.domains[0].domain });

describe("R29 scheduled re-verification and alerts", () => {
  it("re-verifies on schedule, fails when the rule is removed, alerts each admin once, and once on recovery", async () => {
    const support = await insertTestMailbox(t, { localPart: "support", language: "fr", timezone: "America/Montreal" });
    const address = `support@${t.domains[0].domain}`;
    const alias = aliasAddress(support.aliasToken, t.org.slug);
    mail.provider.setRule(address, alias);
    const t0 = new Date();
    await requestForwardingVerification({ orgId: t.org.id, actorId: t.admin.id, mailboxId: support.id, now: t0 });
    expect(await eventually(async () => (await healthOf(support.id, t0)).state === "healthy")).toBe(true);

    // The rule is removed in the mail.provider. Ticks every 5 simulated minutes over two periods (1 h each).
    mail.provider.setRule(address, null);
    let now = t0;
    let scheduledAt: Date | null = null;
    let failedAt: Date | null = null;
    for (let i = 1; i <= 36 && !failedAt; i++) {
      now = new Date(t0.getTime() + i * 5 * MIN);
      await tick(now);
      if ((await checksOf(support.id)).length) scheduledAt ??= now;
      if ((await healthOf(support.id, now)).state === "needs_attention") failedAt = now;
    }
    // Re-verified on schedule: within 1.5 periods of the manual check, and not before half a period.
    expect(scheduledAt).not.toBeNull();
    expect(scheduledAt!.getTime() - t0.getTime()).toBeGreaterThanOrEqual(0.5 * HOUR);
    expect(scheduledAt!.getTime() - t0.getTime()).toBeLessThanOrEqual(1.5 * HOUR + 5 * MIN);
    const checks = await getDb().select().from(forwardingCheck).where(eq(forwardingCheck.mailboxId, support.id));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ reason: "schedule", error: null });
    const [auto] = await getDb()
      .select()
      .from(forwardingVerification)
      .where(eq(forwardingVerification.id, checks[0].verificationId!));
    expect(auto.requestedBy).toBeNull(); // sent by the platform
    // The test message went out marked automatic, in French, and nothing came back (no rule).
    const testMessage = mail.provider.received.at(-1)!.raw.toString();
    expect(testMessage).toMatch(/^Auto-Submitted: auto-generated$/im);
    const parsed = await simpleParser(mail.provider.received.at(-1)!.raw);
    expect(parsed.subject).toMatch(/^Vérification du transfert INO cx pour support@/);
    expect(parsed.text).toMatch(/heure (normale|avancée) de l’Est/); // the mailbox's timezone, named

    // Failed after VERIFY_TIMEOUT: needs attention, one email per admin, nothing more on the next ticks.
    expect(failedAt).not.toBeNull();
    expect((await healthOf(support.id, failedAt!)).cause).toMatchObject({ kind: "verification_failed" });
    for (let i = 1; i <= 4; i++) await tick(new Date(failedAt!.getTime() + i * 5 * MIN));
    expect(sent.map((m) => m.to).sort()).toEqual([t.admin.email, secondAdmin.email].sort());
    expect(sent[0].subject).toBe(
      `Action requise : le courrier adressé à ${address} n’arrive peut-être plus sur INO cx`,
    );
    expect(sent[0].text).toContain(`/maker/mailboxes/${support.id}`);
    expect(sent[0].text).toMatch(/heure normale de l’Est|heure avancée de l’Est/); // Montreal's zone, named
    expect(await getDb().select().from(healthIncident).where(eq(healthIncident.mailboxId, support.id))).toHaveLength(1);
    // S1 shows it.
    const [row] = (await findMailboxes(t.org.id, new Date(failedAt!.getTime() + 20 * MIN))).filter(
      (m) => m.id === support.id,
    );
    expect(row.health.state).toBe("needs_attention");

    // The rule comes back: the next scheduled check verifies it; one recovery email per admin, once.
    mail.provider.setRule(address, alias);
    sent = [];
    now = new Date(failedAt!.getTime() + 20 * MIN);
    for (let i = 1; i <= 24; i++) {
      now = new Date(now.getTime() + 5 * MIN);
      await tick(now);
      await eventually(async () => (await healthOf(support.id, now)).state !== "checking", 3000);
    }
    expect((await healthOf(support.id, now)).state).toBe("healthy");
    expect(sent.map((m) => m.to).sort()).toEqual([t.admin.email, secondAdmin.email].sort());
    expect(sent[0].subject).toBe(`Résolu : le courrier adressé à ${address} arrive de nouveau sur INO cx`);
    const [incident] = await getDb().select().from(healthIncident).where(eq(healthIncident.mailboxId, support.id));
    expect(incident).toMatchObject({ resolution: "recovered" });
  });

  it("flags a silent mailbox (3× its median gap, at least 24 h), re-verifies it, and a quiet day stays healthy", async () => {
    const sales = await insertTestMailbox(t, { localPart: "sales" });
    const address = `sales@${t.domains[0].domain}`;
    mail.provider.setRule(address, aliasAddress(sales.aliasToken, t.org.slug));
    const now = new Date();
    // Customer mail every 2 hours for two days, the last one 30 h ago: 30 h > max(3 × 2 h, 24 h).
    const times = Array.from({ length: 24 }, (_, i) => new Date(now.getTime() - 30 * HOUR - i * 2 * HOUR));
    await getDb()
      .insert(inboundMessage)
      .values(
        times.map((receivedAt, i) => ({
          orgId: t.org.id,
          mailboxId: sales.id,
          receivedAt,
          messageId: `<c${i}@x>`,
          sizeBytes: 10,
        })),
      );
    // The platform's own automatic messages are not customer mail: one an hour ago changes nothing.
    await getDb()
      .insert(inboundMessage)
      .values({
        orgId: t.org.id,
        mailboxId: sales.id,
        receivedAt: new Date(now.getTime() - HOUR),
        messageId: "<auto@x>",
        sizeBytes: 10,
        autoSubmitted: true,
        kind: "platform",
      });

    const jobs: HealthJob[] = [];
    await runHealthTick(getDb(), {
      orgId: t.org.id,
      now,
      intervalMs: 24 * HOUR,
      enqueue: async (j) => void jobs.push(...j),
    });
    const [flag] = await getDb().select().from(mailboxSilence).where(eq(mailboxSilence.mailboxId, sales.id));
    expect(flag.since.getTime()).toBe(times[0].getTime());
    expect(flag.medianGapSeconds).toBe(7200);
    // Until the re-verification has run, S1 says "Checking" with the silence as its cause, and nobody is alerted.
    const [row] = (await findMailboxes(t.org.id, now)).filter((m) => m.id === sales.id);
    expect(row.health).toMatchObject({ state: "checking", cause: { kind: "silent", since: times[0] } });
    expect(await getDb().select().from(healthIncident).where(eq(healthIncident.mailboxId, sales.id))).toHaveLength(0);

    const [silenceCheck] = await checksOf(sales.id);
    expect(silenceCheck).toMatchObject({ reason: "silence" });
    const check = jobs.find((j) => j.id === silenceCheck.id)!;
    expect(await runScheduledCheck(getDb(), check.id, { now })).toBe("started");
    expect(await eventually(async () => (await healthOf(sales.id, now)).state === "healthy")).toBe(true);
    // A second tick does not flag the same silence again, nor start another check.
    await runHealthTick(getDb(), {
      orgId: t.org.id,
      now: new Date(now.getTime() + MIN),
      intervalMs: 24 * HOUR,
      enqueue: async () => {},
    });
    expect(await getDb().select().from(mailboxSilence).where(eq(mailboxSilence.mailboxId, sales.id))).toHaveLength(1);
    expect(await getDb().select().from(forwardingCheck).where(eq(forwardingCheck.mailboxId, sales.id))).toHaveLength(1);
  });

  it("a silent mailbox whose re-verification fails needs attention and alerts", async () => {
    const sales = await insertTestMailbox(t, { localPart: "sales" });
    const now = new Date();
    const times = Array.from({ length: 10 }, (_, i) => new Date(now.getTime() - 26 * HOUR - i * HOUR));
    await getDb()
      .insert(inboundMessage)
      .values(
        times.map((receivedAt, i) => ({
          orgId: t.org.id,
          mailboxId: sales.id,
          receivedAt,
          messageId: `<s${i}@x>`,
          sizeBytes: 10,
        })),
      );
    await tick(now, 24 * HOUR); // flagged, check started, no rule: the message stays in the provider
    const later = new Date(now.getTime() + 20 * MIN);
    await tick(later, 24 * HOUR);
    expect((await healthOf(sales.id, later)).state).toBe("needs_attention");
    expect(sent).toHaveLength(2);
  });

  it("several mailboxes breaking in one tick make one digest per admin", async () => {
    const past = new Date(Date.now() - 2 * HOUR);
    for (const localPart of ["a", "b", "c"]) {
      const m = await insertTestMailbox(t, { localPart });
      // Verified once, then a verification that expired unanswered.
      await getDb()
        .insert(forwardingVerification)
        .values([
          {
            orgId: t.org.id,
            mailboxId: m.id,
            address: m.address,
            token: `fv-${crypto.randomUUID()}`,
            requestedAt: new Date(past.getTime() - HOUR),
            expiresAt: past,
            verifiedAt: new Date(past.getTime() - HOUR),
          },
          {
            orgId: t.org.id,
            mailboxId: m.id,
            address: m.address,
            token: `fv-${crypto.randomUUID()}`,
            requestedAt: past,
            expiresAt: new Date(past.getTime() + 15 * MIN),
          },
        ]);
    }
    await tick(new Date());
    expect(await getDb().select().from(healthIncident).where(eq(healthIncident.orgId, t.org.id))).toHaveLength(3);
    expect(sent).toHaveLength(2);
    expect(sent[0].subject).toBe("Action needed: 3 mailboxes may not be receiving mail");
    expect(sent[0].text).toMatch(/\* a <a@[\s\S]*\* b <b@[\s\S]*\* c <c@/);
  });
});

describe("R29 across instances and restarts", () => {
  it.skipIf(!process.env.DATABASE_URL)(
    "two app processes ticking at once on one PostgreSQL raise one incident and one email per admin",
    async () => {
      const { openDatabase } = await import("@/db/client");
      const a = openDatabase(parseConfig({ DATABASE_URL: process.env.DATABASE_URL }));
      const b = openDatabase(parseConfig({ DATABASE_URL: process.env.DATABASE_URL }));
      try {
        const past = new Date(Date.now() - 2 * HOUR);
        const m = await insertTestMailbox(t, { localPart: "race" });
        await getDb()
          .insert(forwardingVerification)
          .values([
            {
              orgId: t.org.id,
              mailboxId: m.id,
              address: m.address,
              token: `fv-${crypto.randomUUID()}`,
              requestedAt: new Date(past.getTime() - HOUR),
              expiresAt: past,
              verifiedAt: new Date(past.getTime() - HOUR),
            },
            {
              orgId: t.org.id,
              mailboxId: m.id,
              address: m.address,
              token: `fv-${crypto.randomUUID()}`,
              requestedAt: past,
              expiresAt: new Date(past.getTime() + 15 * MIN),
            },
          ]);
        for (let round = 0; round < 5; round++) {
          const now = new Date(Date.now() + round * MIN);
          const jobsA: HealthJob[] = [];
          const jobsB: HealthJob[] = [];
          await Promise.all([
            runHealthTick(a.db, {
              orgId: t.org.id,
              now,
              intervalMs: 24 * HOUR,
              enqueue: async (j) => void jobsA.push(...j),
            }),
            runHealthTick(b.db, {
              orgId: t.org.id,
              now,
              intervalMs: 24 * HOUR,
              enqueue: async (j) => void jobsB.push(...j),
            }),
          ]);
          // Both instances work every job they saw, at the same time.
          const send = record;
          await Promise.all([
            ...jobsA.filter((j) => j.name === "alert-email").map((j) => deliverAlertEmail(a.db, j.id, { now, send })),
            ...jobsB.filter((j) => j.name === "alert-email").map((j) => deliverAlertEmail(b.db, j.id, { now, send })),
          ]);
        }
        expect(await getDb().select().from(healthIncident).where(eq(healthIncident.mailboxId, m.id))).toHaveLength(1);
        expect(sent.map((x) => x.to).sort()).toEqual([t.admin.email, secondAdmin.email].sort());
      } finally {
        await a.close();
        await b.close();
      }
    },
  );

  it("a restart between a claimed check and its job loses nothing: the next tick hands the check out again", async () => {
    const m = await insertTestMailbox(t, { localPart: "restart" });
    const old = new Date(Date.now() - 3 * 24 * HOUR);
    await getDb()
      .insert(forwardingVerification)
      .values({
        orgId: t.org.id,
        mailboxId: m.id,
        address: m.address,
        token: `fv-${crypto.randomUUID()}`,
        requestedAt: old,
        expiresAt: new Date(old.getTime() + 15 * MIN),
        verifiedAt: old,
      });
    const now = new Date();
    // First tick claims the check; the process dies before its job is queued (enqueue throws).
    await expect(
      runHealthTick(getDb(), {
        orgId: t.org.id,
        now,
        intervalMs: 24 * HOUR,
        enqueue: async () => {
          throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    const [claimed] = await getDb().select().from(forwardingCheck).where(eq(forwardingCheck.mailboxId, m.id));
    expect(claimed.doneAt).toBeNull();
    // After the restart, the next tick hands out the same check (and claims no second one for the slot).
    const jobs: HealthJob[] = [];
    await runHealthTick(getDb(), {
      orgId: t.org.id,
      now: new Date(now.getTime() + MIN),
      intervalMs: 24 * HOUR,
      enqueue: async (j) => void jobs.push(...j),
    });
    expect(jobs.filter((j) => j.name === "forwarding-check").map((j) => j.id)).toContain(claimed.id);
    expect(await getDb().select().from(forwardingCheck).where(eq(forwardingCheck.mailboxId, m.id))).toHaveLength(1);
    // Worked twice (a duplicate job), it starts one verification.
    const results = [
      await runScheduledCheck(getDb(), claimed.id, { now }),
      await runScheduledCheck(getDb(), claimed.id, { now }),
    ];
    expect(results).toEqual(["started", "taken"]);
    expect(await eventually(async () => mail.provider.received.length === 1)).toBe(true);
  });

  it("the queue keeps its recurring schedule across a restart (pg-boss, in the database)", async () => {
    const { getDbHandle } = await import("@/db");
    const { startJobs, createBoss } = await import("@/lib/jobs/start-jobs");
    const quiet = { log: () => {}, error: () => {} };
    const first = await startJobs(getDbHandle(), { log: quiet });
    await first.stop({ graceful: false, close: false, wait: true });
    const second = createBoss(getDbHandle());
    await second.start();
    try {
      const schedules = await second.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron])).toContainEqual(["mailbox-health-tick", "* * * * *"]);
    } finally {
      await second.stop({ graceful: false, close: false, wait: true });
    }
  });
});
