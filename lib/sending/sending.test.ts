import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, domainAlertEmail, domainDkimKey, domainSending } from "@/db/schema";
import { resetConfigForTests } from "@/lib/config";
import type { PlatformMail } from "@/lib/platform-mail/send-platform-mail";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { checkDomainDns } from "./check-domain-dns";
import { deliverDomainAlertEmail } from "./deliver-domain-alert-email";
import { openPrivateKey, resetDkimEncryptionKeyForTests } from "./dkim-secret";
import { dkimValue } from "./domain-records";
import { ensureDomainKey } from "./ensure-domain-key";
import { getDomainSendingOrThrow } from "./get-domain-sending-or-throw";
import { findMailboxesSending } from "./find-mailboxes-sending";
import { rotateDomainKey } from "./rotate-domain-key";
import { runDomainChecks } from "./run-domain-checks";
import { authenticationResultsOf, sendAsMailbox } from "./send-as-mailbox";
import { sendTestEmail } from "./send-test-email";
import { createSendingResolver, type SendingResolver } from "./sending-resolver";
import { startSendingTestDns } from "@/tests/sending-dns-server";

// Every test file seals with the same key (.data/dkim-key, as the app without DKIM_ENCRYPTION_KEY): they share a
// database.
const HOUR = 3_600_000;
let dns: Awaited<ReturnType<typeof startSendingTestDns>>;
let resolver: SendingResolver;
let t: TestOrg;
let sink: SMTPServer;
const received: Buffer[] = [];

beforeAll(async () => {
  delete process.env.DKIM_ENCRYPTION_KEY;
  resetConfigForTests();
  resetDkimEncryptionKeyForTests();
  dns = await startSendingTestDns();
  resolver = createSendingResolver({ servers: [dns.server], timeoutMs: 400 });
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _s, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        cb();
      });
    },
  });
  await new Promise<void>((r) => sink.listen(0, "127.0.0.1", () => r()));
});
afterAll(async () => {
  dns.close();
  await new Promise<void>((r) => sink.close(() => r()));
  delete process.env.OUTBOUND_SMTP_URL;
});
beforeEach(async () => {
  t = await createTestOrg();
  dns.setMode("normal");
});

const publish = async (domainId: string, domain: string) => {
  const [k] = await getDb()
    .select()
    .from(domainDkimKey)
    .where(and(eq(domainDkimKey.domainId, domainId), eq(domainDkimKey.state, "active")));
  dns.setTxt(`${k.selector}._domainkey.${domain}`, dkimValue(k.publicKey));
  return k;
};

describe("R34 DKIM keys", () => {
  it("two admins setting up the same domain at once end with ONE key, sealed (no PEM in the database)", async () => {
    const d = t.domains[0];
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now })),
    );
    expect(new Set(results.map((r) => r.publicKey)).size).toBe(1);
    const keys = await getDb().select().from(domainDkimKey).where(eq(domainDkimKey.domainId, d.id));
    expect(keys).toHaveLength(1);
    expect(keys[0].privateKeyEnc).not.toContain("PRIVATE KEY");
    expect(openPrivateKey(keys[0])).toContain("BEGIN PRIVATE KEY");
  });
  it("another organisation's domain is not found", async () => {
    const other = await createTestOrg();
    await expect(
      getDomainSendingOrThrow(getDb(), { orgId: other.org.id, domainId: t.domains[0].id, now: new Date() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      ensureDomainKey(getDb(), { orgId: other.org.id, domainId: t.domains[0].id, now: new Date() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
  it("DKIM_ENCRYPTION_KEY changed after keys exist: a clear error naming it, nothing re-generated", async () => {
    await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: t.domains[0].id, now: new Date() });
    const [k] = await getDb().select().from(domainDkimKey).where(eq(domainDkimKey.domainId, t.domains[0].id));
    process.env.DKIM_ENCRYPTION_KEY = randomBytes(32).toString("hex");
    resetConfigForTests();
    resetDkimEncryptionKeyForTests();
    try {
      expect(() => openPrivateKey(k)).toThrow(/DKIM_ENCRYPTION_KEY/);
      expect(() => openPrivateKey(k)).not.toThrow(/PRIVATE KEY/);
      // A new domain is not given a key sealed with the new encryption key: the same clear error instead.
      await expect(
        ensureDomainKey(getDb(), { orgId: t.org.id, domainId: t.domains[1].id, now: new Date() }),
      ).rejects.toThrow(/DKIM_ENCRYPTION_KEY/);
    } finally {
      delete process.env.DKIM_ENCRYPTION_KEY;
      resetConfigForTests();
      resetDkimEncryptionKeyForTests();
    }
    expect(await getDb().select().from(domainDkimKey).where(eq(domainDkimKey.domainId, t.domains[0].id))).toHaveLength(
      1,
    );
    expect(await getDb().select().from(domainDkimKey).where(eq(domainDkimKey.domainId, t.domains[1].id))).toHaveLength(
      0,
    );
  });
});

describe("R35/R36 Check DNS against a DNS server on 127.0.0.1", () => {
  it("waiting → verified and ready once the split record is published; DMARC recommended, then read", async () => {
    const d = t.domains[0];
    const now = new Date();
    let s = await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now, resolver });
    expect(s.state).toBe("waiting");
    expect(s.records.find((r) => r.purpose === "dkim")).toMatchObject({ status: "not_found", reason: "no_record" });
    expect(s.records.find((r) => r.purpose === "dmarc")).toMatchObject({
      status: "not_found",
      reason: "dmarc_recommended",
    });
    await publish(d.id, d.domain);
    dns.setTxt(`_dmarc.${d.domain}`, "v=DMARC1; p=reject; adkim=s");
    s = await checkDomainDns(getDb(), {
      orgId: t.org.id,
      domainId: d.id,
      now: new Date(now.getTime() + 60_000),
      resolver,
    });
    expect(s).toMatchObject({ state: "ready", canSend: true });
    expect(s.records.find((r) => r.purpose === "dkim")).toMatchObject({ status: "verified" });
    expect(s.records.find((r) => r.purpose === "dmarc")).toMatchObject({
      status: "verified",
      dmarc: { policy: "reject", aligned: true },
    });
  });
  it("a CNAME to the key is verified and said so", async () => {
    const d = t.domains[0];
    const k = await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date() });
    const [row] = await getDb().select().from(domainDkimKey).where(eq(domainDkimKey.domainId, d.id));
    dns.setTxt(`key.${d.domain}`, dkimValue(k.publicKey));
    dns.setCname(`${row.selector}._domainkey.${d.domain}`, `key.${d.domain}`);
    const s = await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
    expect(s.records.find((r) => r.purpose === "dkim")).toMatchObject({
      status: "verified",
      reason: "match_via_cname",
    });
  });
  it("SERVFAIL and a silent server are 'could not check' (never not found), within the timeout, state kept", async () => {
    const d = t.domains[0];
    await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date() });
    await publish(d.id, d.domain);
    expect((await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver })).state).toBe(
      "ready",
    );
    for (const mode of ["servfail", "silent"] as const) {
      dns.setMode(mode);
      const start = Date.now();
      const s = await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
      expect(Date.now() - start).toBeLessThan(3000);
      expect(s.state).toBe("ready");
      expect(s.records.find((r) => r.purpose === "dkim")).toMatchObject({ status: "could_not_check" });
    }
  });
  it("a lying server (another key) is a wrong value with what is published", async () => {
    const d = t.domains[0];
    const k = await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date() });
    const [row] = await getDb().select().from(domainDkimKey).where(eq(domainDkimKey.domainId, d.id));
    const other = k.publicKey.slice(0, 60) + (k.publicKey[60] === "A" ? "B" : "A") + k.publicKey.slice(61);
    dns.setTxt(`${row.selector}._domainkey.${d.domain}`, dkimValue(other), "v=spf1 -all");
    const s = await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
    const dkim = s.records.find((r) => r.purpose === "dkim")!;
    expect(dkim).toMatchObject({ status: "wrong_value", reason: "other_key" });
    expect(dkim.found.length).toBe(2);
  });
  it("ready → at risk → broken after 3 checks (alert to each admin, history) → ready (recovery), in the org's language", async () => {
    const d = t.domains[0];
    const t0 = new Date();
    await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now: t0 });
    const k = await publish(d.id, d.domain);
    await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: t0, resolver });
    dns.remove(`${k.selector}._domainkey.${d.domain}`);
    const states: string[] = [];
    for (let i = 1; i <= 3; i++)
      states.push(
        (
          await checkDomainDns(getDb(), {
            orgId: t.org.id,
            domainId: d.id,
            now: new Date(t0.getTime() + i * HOUR),
            resolver,
          })
        ).state,
      );
    expect(states).toEqual(["at_risk", "at_risk", "broken"]);
    await expect(findMailboxesSending(getDb(), { orgId: t.org.id })).resolves.toBeDefined();
    const alerts = await getDb().select().from(domainAlertEmail).where(eq(domainAlertEmail.domainId, d.id));
    expect(alerts.map((a) => a.kind)).toEqual(["broken"]);
    const sent: PlatformMail[] = [];
    expect(
      await deliverDomainAlertEmail(getDb(), alerts[0].id, { now: new Date(), send: async (m) => void sent.push(m) }),
    ).toBe("sent");
    expect(
      await deliverDomainAlertEmail(getDb(), alerts[0].id, { now: new Date(), send: async (m) => void sent.push(m) }),
    ).toBe("taken");
    expect(sent[0].subject).toContain(d.domain);
    expect(sent[0].text).toContain(`${k.selector}._domainkey.${d.domain}`);
    expect(sent[0].text).toContain(`p=${k.publicKey}`);
    await publish(d.id, d.domain);
    const s = await checkDomainDns(getDb(), {
      orgId: t.org.id,
      domainId: d.id,
      now: new Date(t0.getTime() + 5 * HOUR),
      resolver,
    });
    expect(s.state).toBe("ready");
    const kinds = (await getDb().select().from(domainAlertEmail).where(eq(domainAlertEmail.domainId, d.id)))
      .map((a) => a.kind)
      .sort();
    expect(kinds).toEqual(["broken", "recovered"]);
    const history = await getDb()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, d.id));
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining(["email_domain.sending_broken", "email_domain.sending_recovered"]),
    );
  });
  it("rotation: the old key signs until the new record verifies, then the old record can be removed", async () => {
    const d = t.domains[0];
    await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date() });
    const old = await publish(d.id, d.domain);
    await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
    const { selector } = await rotateDomainKey(getDb(), {
      orgId: t.org.id,
      actorId: t.admin.id,
      domainId: d.id,
      now: new Date(),
    });
    expect(selector).not.toBe(old.selector);
    await expect(
      rotateDomainKey(getDb(), { orgId: t.org.id, actorId: t.admin.id, domainId: d.id, now: new Date() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    let s = await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
    expect(s).toMatchObject({ state: "ready", activeSelector: old.selector, pendingSelector: selector });
    const [pending] = await getDb()
      .select()
      .from(domainDkimKey)
      .where(and(eq(domainDkimKey.domainId, d.id), eq(domainDkimKey.state, "pending")));
    dns.setTxt(`${selector}._domainkey.${d.domain}`, dkimValue(pending.publicKey));
    s = await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
    expect(s).toMatchObject({ state: "ready", activeSelector: selector, pendingSelector: null });
    expect(s.records.find((r) => r.purpose === "dkim_previous")).toMatchObject({
      status: "can_be_removed",
      host: `${old.selector}._domainkey`,
    });
  });
  it("a domain removed while a check runs: nothing written, not found", async () => {
    const d = t.domains[1];
    await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date() });
    const removing: SendingResolver = {
      async lookupTxt(name) {
        await getDb().delete(domainSending).where(eq(domainSending.domainId, d.id));
        return resolver.lookupTxt(name);
      },
    };
    await expect(
      checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver: removing }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().select().from(domainSending).where(eq(domainSending.domainId, d.id))).toHaveLength(0);
  });
});

describe("R37 scheduled re-check", () => {
  it("two workers at once check each due domain once", async () => {
    const now = new Date(Date.now() + 400 * 86_400_000); // everything of this organisation is due
    for (const d of t.domains) await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date() });
    const seen: string[] = [];
    const counting: SendingResolver = {
      async lookupTxt(name) {
        seen.push(name);
        return { kind: "none", cname: null };
      },
    };
    await Promise.all([
      runDomainChecks(getDb(), { now, orgId: t.org.id, resolver: counting, deliver: async () => "taken" }),
      runDomainChecks(getDb(), { now, orgId: t.org.id, resolver: counting, deliver: async () => "taken" }),
    ]);
    for (const d of t.domains) expect(seen.filter((n) => n === `_dmarc.${d.domain}`)).toHaveLength(1);
    const rows = await getDb().select().from(domainSending).where(eq(domainSending.orgId, t.org.id));
    expect(rows.every((r) => r.claimedAt === null && r.nextCheckAt! > now)).toBe(true);
  });
});

describe("R36 sending as a mailbox, one path", () => {
  it("signs as the domain (mailauth: dkim=pass, dmarc=pass), envelope on the platform domain; refused once the record is gone", async () => {
    const d = t.domains[0];
    const box = await insertTestMailbox(t, { localPart: "billing", displayName: "Billing Team", domainId: d.id });
    await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date() });
    const k = await publish(d.id, d.domain);
    dns.setTxt(`_dmarc.${d.domain}`, "v=DMARC1; p=reject");
    await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
    process.env.OUTBOUND_SMTP_URL = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}?ignoreTLS=true`;
    try {
      received.length = 0;
      const r = await sendTestEmail(getDb(), {
        orgId: t.org.id,
        actorId: t.admin.id,
        mailboxId: box.id,
        to: "someone@receiver.example",
        now: new Date(),
      });
      expect(r).toMatchObject({ to: "someone@receiver.example", signedAs: d.domain });
      expect(received).toHaveLength(1);
      const raw = received[0];
      expect(raw.toString()).toMatch(
        new RegExp(`^From: Billing Team <billing@${d.domain.replace(/\./g, "\\.")}>`, "m"),
      );
      expect(raw.toString()).not.toContain("PRIVATE KEY");
      const auth = await authenticationResultsOf(raw, {
        resolver,
        envelopeFrom: "bounce+x@ino.cx",
        mta: "mx.receiver.example",
      });
      expect(auth.header).toContain(`dkim=pass header.i=@${d.domain}`);
      expect(auth.header).toMatch(/dmarc=pass/);
      // R38: the same mailbox again at once is refused (cooldown), and nothing is sent.
      await expect(
        sendTestEmail(getDb(), {
          orgId: t.org.id,
          actorId: t.admin.id,
          mailboxId: box.id,
          to: "someone@receiver.example",
          now: new Date(),
        }),
      ).rejects.toMatchObject({ code: "LIMIT_REACHED" });
      expect(received).toHaveLength(1);
      dns.remove(`${k.selector}._domainkey.${d.domain}`);
      await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
      const refused = sendAsMailbox(getDb(), {
        orgId: t.org.id,
        mailboxId: box.id,
        now: new Date(),
        mail: { to: "x@receiver.example", subject: "s", text: "t" },
      });
      await expect(refused).rejects.toMatchObject({
        code: "INVALID",
        message: expect.stringMatching(/DKIM record of .* was not found/),
      });
      expect(received).toHaveLength(1);
    } finally {
      delete process.env.OUTBOUND_SMTP_URL;
    }
  });
  it("without OUTBOUND_SMTP_URL an organisation gets the 'not enabled yet' sentence", async () => {
    const box = await insertTestMailbox(t, { localPart: "sales" });
    await expect(
      sendTestEmail(getDb(), {
        orgId: t.org.id,
        actorId: t.admin.id,
        mailboxId: box.id,
        to: "a@b.example",
        now: new Date(),
      }),
    ).rejects.toThrow(/not enabled outgoing messages/);
  });
});
