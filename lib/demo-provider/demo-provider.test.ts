import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  demoProviderMessage,
  emailDomain,
  forwardingVerification,
  inboundMessage,
  mailbox,
  organization,
} from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { seedDemoMailboxes } from "@/lib/demo-seed/seed-demo-mailboxes";
import { findLatestVerification } from "@/lib/forwarding/find-latest-verification";
import { loadForwardingPanel } from "@/lib/forwarding/load-forwarding-panel";
import { requestForwardingVerification } from "@/lib/forwarding/request-forwarding-verification";
import { findHealthFacts } from "@/lib/health/find-health-facts";
import { stateLabel } from "@/lib/mailbox-state/state-map";
import { platformMailRoute, sendPlatformMail } from "@/lib/platform-mail/send-platform-mail";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { confirmDemoForwarding } from "./confirm-demo-forwarding";
import { findDemoForwardingRule, findDemoForwardingRules } from "./find-demo-forwarding-rule";
import {
  allowDemoExternalForwarding,
  createDemoForwardingRule,
  removeDemoForwardingRule,
} from "./manage-demo-forwarding-rules";
import { eventually } from "@/tests/eventually";

// The demo loop without OUTBOUND_SMTP_URL: the simulated provider behind the demo's domains, end to end through
// the platform's receiving code (the three demo mailboxes: forwards, Microsoft 365 blocks, Gmail confirms first).
let orgId: string;
const boxes: Record<string, { id: string; address: string }> = {};

const latestOf = async (name: string) =>
  (await findLatestVerification(orgId, boxes[name].id, boxes[name].address)).latest;
// What S4's badge says (lib/mailbox-state).
const statusOf = async (name: string) =>
  stateLabel((await findHealthFacts(getDb(), { orgId, mailboxId: boxes[name].id }, new Date()))[0].health);

beforeAll(async () => {
  delete process.env.OUTBOUND_SMTP_URL;
  await seedDemo(getDb(), { password: "demo-test-password", extend: seedDemoMailboxes });
  const [org] = await getDb().select().from(organization).where(eq(organization.slug, "demo"));
  orgId = org.id;
  const rows = await getDb()
    .select({ id: mailbox.id, name: mailbox.displayName, localPart: mailbox.localPart, domain: emailDomain.domain })
    .from(mailbox)
    .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
    .where(eq(mailbox.orgId, orgId));
  for (const r of rows) boxes[r.name] = { id: r.id, address: `${r.localPart}@${r.domain}` };
  // A clean slate for the demo mailboxes (another test file may have verified them).
  await getDb().delete(forwardingVerification).where(eq(forwardingVerification.orgId, orgId));
});
afterEach(() => {
  delete process.env.OUTBOUND_SMTP_URL;
});

describe("the demo's simulated mail provider", () => {
  it("routes only the demo domains, and only without OUTBOUND_SMTP_URL", async () => {
    expect(platformMailRoute("support@mycompany.com")).toBe("demo");
    expect(platformMailRoute("ceo@victim.example")).toBeNull();
    await expect(sendPlatformMail({ to: "ceo@victim.example", subject: "x", text: "x" })).rejects.toMatchObject({
      code: "INVALID",
    });
    process.env.OUTBOUND_SMTP_URL = "smtp://127.0.0.1:9";
    expect(platformMailRoute("support@mycompany.com")).toBe("smtp");
  });

  it("Support Team: the test message is forwarded and verifies within seconds", async () => {
    await requestForwardingVerification({ orgId, actorId: null, mailboxId: boxes["Support Team"].id });
    expect(await eventually(async () => (await statusOf("Support Team")) === "Forwarding verified")).toBe(true);
    // The provider records its outcome after the platform has received the forwarded copy: wait for it too.
    const outbox = async () =>
      (
        await getDb()
          .select()
          .from(demoProviderMessage)
          .where(eq(demoProviderMessage.toAddress, "support@mycompany.com"))
      )[0];
    expect(await eventually(async () => (await outbox())?.outcome === "forwarded")).toBe(true);
    const out = await outbox();
    expect(out.envelopeFrom).toMatch(/^bounce\+fv-[a-z0-9]{26}@ino\.cx$/);
  });

  it("Billing: Microsoft 365 blocks external forwarding; its DSN to the bounce address fails the verification at once", async () => {
    await requestForwardingVerification({ orgId, actorId: null, mailboxId: boxes["Billing"].id });
    expect(await eventually(async () => (await statusOf("Billing")) === "Verification failed")).toBe(true);
    expect(await latestOf("Billing")).toMatchObject({
      failureReason: "bounce",
      bounceKind: "m365_forwarding_blocked",
      bounceStatus: expect.stringContaining("550 5.7.520"),
    });
  });

  it("Sales Europe: a Gmail confirmation waits; after confirming, the next verification succeeds", async () => {
    await requestForwardingVerification({ orgId, actorId: null, mailboxId: boxes["Sales Europe"].id });
    const panel = () =>
      loadForwardingPanel({
        orgId,
        orgSlug: "demo",
        mailboxId: boxes["Sales Europe"].id,
        address: boxes["Sales Europe"].address,
      });
    // One state at a time, each with its one next step (issue 18).
    expect(await eventually(async () => (await statusOf("Sales Europe")) === "Gmail confirmation waiting")).toBe(true);
    expect(await panel()).toMatchObject({
      mailRoute: "demo",
      confirmation: { simulated: true, provider: "gmail", requestedBy: boxes["Sales Europe"].address },
    });
    // Listed in S4's inbound list with its real size (it was 0 B), like every message the provider passes on.
    const [gmail] = await getDb()
      .select()
      .from(inboundMessage)
      .where(
        and(eq(inboundMessage.mailboxId, boxes["Sales Europe"].id), eq(inboundMessage.confirmationProvider, "gmail")),
      );
    expect(gmail.sizeBytes).toBeGreaterThan(500);
    await confirmDemoForwarding({ orgId, mailboxId: boxes["Sales Europe"].id });
    expect(await statusOf("Sales Europe")).toBe("Forwarding confirmed: verify again");
    expect((await latestOf("Sales Europe"))?.failureReason).toBe("provider_held");
    await requestForwardingVerification({
      orgId,
      actorId: null,
      mailboxId: boxes["Sales Europe"].id,
      now: new Date(Date.now() + 31_000),
    });
    expect(await eventually(async () => (await statusOf("Sales Europe")) === "Forwarding verified")).toBe(true);
    expect(await statusOf("Sales Europe")).toBe("Forwarding verified");
  });

  it("is off for every other organisation, even for a demo domain name", async () => {
    const other = await createTestOrg({ domains: ["mycompany.com"] });
    const m = await insertTestMailbox(other, { localPart: "support", domainId: other.domains[0].id });
    const e = await requestForwardingVerification({
      orgId: other.org.id,
      actorId: other.admin.id,
      mailboxId: m.id,
    }).catch((x) => x);
    expect(e).toMatchObject({ code: "INVALID", message: expect.stringContaining("has not enabled test messages yet") });
    await expect(confirmDemoForwarding({ orgId: other.org.id, mailboxId: m.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await getDb()
        .select()
        .from(forwardingVerification)
        .where(and(eq(forwardingVerification.orgId, other.org.id))),
    ).toHaveLength(0);
  });

  it("issue 21.1: any new mailbox of a demo domain: no rule at first; the admin's click makes one that verifies as its provider would", async () => {
    const [domain] = await getDb()
      .select()
      .from(emailDomain)
      .where(and(eq(emailDomain.orgId, orgId), eq(emailDomain.domain, "mycompany.com")));
    const demo = { org: { id: orgId, slug: "demo" }, domains: [domain] } as unknown as Parameters<
      typeof insertTestMailbox
    >[0];
    const make = async () => {
      const m = await insertTestMailbox(demo, {
        localPart: `orders-${crypto.randomUUID().slice(0, 6)}`,
        domainId: domain.id,
      });
      return { ...m, address: `${m.localPart}@mycompany.com` };
    };
    const status = async (m: { id: string; address: string }) => {
      const v = (await findLatestVerification(orgId, m.id, m.address)).latest;
      return !v ? "unknown" : v.verifiedAt ? "verified" : v.failedAt ? "failed" : "pending";
    };

    // No rule: the provider keeps the message in its inbox.
    const bare = await make();
    expect(await findDemoForwardingRule(getDb(), bare.address)).toBeUndefined();
    await requestForwardingVerification({ orgId, actorId: null, mailboxId: bare.id });
    expect(
      await eventually(
        async () =>
          (
            await getDb()
              .select()
              .from(demoProviderMessage)
              .where(
                and(
                  eq(demoProviderMessage.toAddress, bare.address),
                  eq(demoProviderMessage.detail, "In the inbox: this address has no forwarding rule."),
                ),
              )
          ).length === 1,
      ),
    ).toBe(true);
    expect(await status(bare)).toBe("pending");

    // Another host: forwards at once.
    const plain = await make();
    const panelOf = (m: { id: string; address: string }) =>
      loadForwardingPanel({ orgId, orgSlug: "demo", mailboxId: m.id, address: m.address });
    expect((await panelOf(plain)).demoAccount).toBeNull();
    await createDemoForwardingRule({ orgId, mailboxId: plain.id, provider: "generic" });
    expect((await panelOf(plain)).demoAccount).toEqual({ address: plain.address, says: "forwards to the alias" });
    await requestForwardingVerification({ orgId, actorId: null, mailboxId: plain.id });
    expect(await eventually(async () => (await status(plain)) === "verified")).toBe(true);

    // Microsoft 365: bounced until the admin allows external forwarding, then verified.
    const m365 = await make();
    await createDemoForwardingRule({ orgId, mailboxId: m365.id, provider: "microsoft365" });
    await requestForwardingVerification({ orgId, actorId: null, mailboxId: m365.id });
    expect(await eventually(async () => (await status(m365)) === "failed")).toBe(true);
    const rule = (await findDemoForwardingRule(getDb(), m365.address))!;
    await allowDemoExternalForwarding({ orgId, id: rule.id });
    await requestForwardingVerification({
      orgId,
      actorId: null,
      mailboxId: m365.id,
      now: new Date(Date.now() + 31_000),
    });
    expect(await eventually(async () => (await status(m365)) === "verified")).toBe(true);

    // Removed: gone from the provider (and not brought back by the seed).
    await removeDemoForwardingRule({ orgId, id: rule.id });
    expect(await findDemoForwardingRule(getDb(), m365.address)).toBeUndefined();
    expect((await findDemoForwardingRules(getDb())).map((r) => r.address)).not.toContain(m365.address);
  });

  it("issue 21.1: another organisation can neither create nor remove a demo provider rule", async () => {
    const other = await createTestOrg({ domains: ["mycompany.com"] });
    const m = await insertTestMailbox(other, {
      localPart: `x-${crypto.randomUUID().slice(0, 6)}`,
      domainId: other.domains[0].id,
    });
    await expect(
      createDemoForwardingRule({ orgId: other.org.id, mailboxId: m.id, provider: "generic" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [any] = await findDemoForwardingRules(getDb());
    await expect(removeDemoForwardingRule({ orgId: other.org.id, id: any.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await findDemoForwardingRule(getDb(), any.address)).toBeDefined();
  });
});
