import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { seedDemo } from "@/db/seed";
import { demoDnsRecord, demoProviderMessage, emailDomain, mailbox, membership, organization } from "@/db/schema";
import { seedDemoMailboxes } from "@/lib/demo-seed/seed-demo-mailboxes";
import { createTestOrg } from "@/tests/fixtures";
import { findDomainsSending } from "./find-domains-sending";
import { publishDemoRecord } from "./publish-demo-record";
import { sendRecordsToDnsAdmin } from "./send-records-to-dns-admin";
import { sendTestEmail } from "./send-test-email";

let orgId: string;
let adminId: string;
const domains: Record<string, string> = {};

beforeAll(async () => {
  delete process.env.OUTBOUND_SMTP_URL;
  await seedDemo(getDb(), { password: "demo-test-password", extend: seedDemoMailboxes });
  const [o] = await getDb().select().from(organization).where(eq(organization.slug, "demo"));
  orgId = o.id;
  const [a] = await getDb()
    .select()
    .from(membership)
    .where(and(eq(membership.orgId, orgId), eq(membership.role, "admin")));
  adminId = a.userId;
  for (const d of await getDb().select().from(emailDomain).where(eq(emailDomain.orgId, orgId)))
    domains[d.domain] = d.id;
});

describe("issue 19 item 9: the demo's simulated DNS", () => {
  it("shows both states on first run, publishes the missing record, and the test email lands signed in the outbox", async () => {
    const before = await findDomainsSending(getDb(), { orgId });
    expect(before.get(domains["mycompany.com"])?.state).toBe("ready");
    expect(before.get(domains["example.org"])?.state).toBe("waiting");
    const after = await publishDemoRecord(getDb(), { orgId, domainId: domains["example.org"], now: new Date() });
    expect(after.state).toBe("ready");
    const [sales] = await getDb()
      .select()
      .from(mailbox)
      .where(and(eq(mailbox.orgId, orgId), eq(mailbox.localPart, "sales")));
    const r = await sendTestEmail(getDb(), {
      orgId,
      actorId: adminId,
      mailboxId: sales.id,
      to: "newcomer@anywhere.example",
      now: new Date(),
    });
    expect(r.signedAs).toBe("example.org");
    const [msg] = await getDb()
      .select()
      .from(demoProviderMessage)
      .where(eq(demoProviderMessage.toAddress, "newcomer@anywhere.example"))
      .orderBy(desc(demoProviderMessage.receivedAt))
      .limit(1);
    expect(msg.fromHeader).toBe("Sales Europe <sales@example.org>");
    expect(msg.detail).toContain("dkim=pass header.i=@example.org");
    expect(msg.detail).toMatch(/dmarc=pass/);
  });
  it("mails the records and the zone file to a DNS admin (the demo outbox), limited", async () => {
    await sendRecordsToDnsAdmin(getDb(), {
      orgId,
      actorId: adminId,
      domainId: domains["mycompany.com"],
      to: "dns@mycompany.com",
      now: new Date(),
    });
    const [msg] = await getDb()
      .select()
      .from(demoProviderMessage)
      .where(eq(demoProviderMessage.toAddress, "dns@mycompany.com"))
      .orderBy(desc(demoProviderMessage.receivedAt))
      .limit(1);
    expect(msg.subject).toBe("DNS records to publish for mycompany.com");
    expect(msg.text).toMatch(/_domainkey\.mycompany\.com/);
    await expect(
      sendRecordsToDnsAdmin(getDb(), {
        orgId,
        actorId: adminId,
        domainId: domains["mycompany.com"],
        to: "dns@mycompany.com",
        now: new Date(),
      }),
    ).rejects.toMatchObject({ code: "LIMIT_REACHED" });
  });
  it("R39: the simulated DNS and its publish button are the demo organisation's only", async () => {
    const t = await createTestOrg({ domains: ["mycompany.com"] });
    await expect(
      publishDemoRecord(getDb(), { orgId: t.org.id, domainId: t.domains[0].id, now: new Date() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      publishDemoRecord(getDb(), { orgId: t.org.id, domainId: domains["mycompany.com"], now: new Date() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().select().from(demoDnsRecord).where(eq(demoDnsRecord.orgId, t.org.id))).toHaveLength(0);
  });
});
