import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, emailDomain, organization, smartRouting } from "@/db/schema";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { expectUnchanged, signInAs, signOutOfTests, twoOrgsSignedIn, type TestOrg } from "@/tests/fixtures";
import {
  addEmailDomainAction,
  addSmartRoutingAction,
  removeEmailDomainAction,
  removeSmartRoutingAction,
  updateOrgDefaultsAction,
  updateSmartRoutingAction,
} from "./settings";

let t: TestOrg;
let other: TestOrg;
beforeEach(async () => {
  ({ t, other } = await twoOrgsSignedIn());
});

describe("R18 access to Settings actions", () => {
  const calls = (): (() => Promise<unknown>)[] => [
    () => updateOrgDefaultsAction({ timezone: "Europe/Berlin", language: "de" }),
    () => addEmailDomainAction({ domain: "new-domain.example" }),
    () => removeEmailDomainAction({ id: t.domains[0].id }),
    () => addSmartRoutingAction({ name: "New", hasPublished: true, hasDraft: true }),
    () => updateSmartRoutingAction({ id: t.routings.Triage, name: "Renamed", hasPublished: true, hasDraft: true }),
    () => removeSmartRoutingAction({ id: t.routings.Triage }),
  ];

  it("refuses every action without a session, and changes nothing", async () => {
    signOutOfTests();
    for (const call of calls()) {
      const result = await expectUnchanged(t.org.id, call);
      expect(result).toMatchObject({ serverError: { code: "UNAUTHENTICATED" } });
    }
  });

  it("refuses every action to an agent, and changes nothing", async () => {
    await signInAs(t.agent.email);
    for (const call of calls()) {
      const result = await expectUnchanged(t.org.id, call);
      expect(result).toMatchObject({ serverError: { code: "FORBIDDEN" } });
    }
  });

  it("treats another organisation's domain and routing as not found", async () => {
    await signInAs(other.admin.email);
    const crossOrg: (() => Promise<unknown>)[] = [
      () => removeEmailDomainAction({ id: t.domains[0].id }),
      () => updateSmartRoutingAction({ id: t.routings.Triage, name: "Hijack", hasPublished: true, hasDraft: true }),
      () => removeSmartRoutingAction({ id: t.routings.Triage }),
    ];
    for (const call of crossOrg) {
      const result = await expectUnchanged(t.org.id, call);
      expect(result).toMatchObject({ serverError: { code: "NOT_FOUND" } });
    }
  });
});

describe("S6 organisation defaults", () => {
  it("saves a valid timezone and language with an audit event holding the field diff (R19)", async () => {
    const result = await updateOrgDefaultsAction({ timezone: "America/New_York", language: "fr" });
    expect(result?.serverError).toBeUndefined();
    const [org] = await getDb().select().from(organization).where(eq(organization.id, t.org.id));
    expect(org).toMatchObject({ timezone: "America/New_York", language: "fr" });
    const events = await getDb().select().from(auditEvent).where(eq(auditEvent.orgId, t.org.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: t.admin.id,
      action: "organization.defaults_updated",
      changes: { timezone: { from: "Europe/Paris", to: "America/New_York" }, language: { from: "en", to: "fr" } },
    });
  });

  it.each([
    ["an unknown timezone", { timezone: "Mars/Olympus_Mons", language: "en" }, "timezone"],
    ["a 10 kB timezone", { timezone: "x".repeat(10_000), language: "en" }, "timezone"],
    ["an unsupported language", { timezone: "Europe/Paris", language: "xx" }, "language"],
    ["a control character", { timezone: "Europe/Paris\n", language: "en" }, "timezone"],
  ])("refuses %s next to its field and changes nothing", async (_label, input, field) => {
    const result = await expectUnchanged(t.org.id, () => updateOrgDefaultsAction(input as never));
    expect(result?.validationErrors?.fieldErrors?.[field as "timezone"]?.[0]).toBeTruthy();
  });
});

describe("S6 email domains", () => {
  it("adds a lowercase domain with its audit event", async () => {
    const result = await addEmailDomainAction({ domain: "support.acme.example" });
    expect(result?.serverError).toBeUndefined();
    const rows = await getDb().select().from(emailDomain).where(eq(emailDomain.orgId, t.org.id));
    expect(rows.map((r) => r.domain)).toContain("support.acme.example");
    const [event] = await getDb().select().from(auditEvent).where(eq(auditEvent.orgId, t.org.id));
    expect(event).toMatchObject({
      action: "email_domain.added",
      changes: { domain: { from: null, to: "support.acme.example" } },
    });
  });

  it.each([
    ["uppercase", "MyCompany.com", "lowercase"],
    ["no dot", "localhost", "valid domain"],
    ["a leading hyphen", "-bad.example", "valid domain"],
    ["a space", "my company.com", "valid domain"],
    ["a 10 kB string", `${"a".repeat(10_000)}.com`, "253"],
    ["a control character", "acme\r\n.com", "valid domain"],
  ])("refuses %s next to the domain field and changes nothing", async (_label, domain, message) => {
    const result = await expectUnchanged(t.org.id, () => addEmailDomainAction({ domain }));
    expect(result?.validationErrors?.fieldErrors?.domain?.[0]).toContain(message);
  });

  it("refuses a duplicate domain next to the field, even when typed with spaces", async () => {
    const result = await expectUnchanged(t.org.id, () => addEmailDomainAction({ domain: `  ${t.domains[0].domain} ` }));
    expect(result?.serverError).toMatchObject({ code: "ALREADY_EXISTS", field: "domain" });
  });

  it("issue 20.2: refuses the platform's own mail domain and its sub-domains next to the field, and changes nothing", async () => {
    const platform = process.env.PLATFORM_MAIL_DOMAIN ?? "ino.cx";
    for (const domain of [platform, `demo.${platform}`, `a.b.${platform}`]) {
      const result = await expectUnchanged(t.org.id, () => addEmailDomainAction({ domain }));
      expect(result?.serverError).toMatchObject({
        code: "INVALID",
        field: "domain",
        message: expect.stringContaining("platform's own mail domain"),
      });
    }
    expect((await addEmailDomainAction({ domain: `not${platform}` }))?.serverError).toBeUndefined();
  });

  it("lets another organisation add the same domain (unique per organisation)", async () => {
    await signInAs(other.admin.email);
    const result = await addEmailDomainAction({ domain: t.domains[0].domain });
    expect(result?.serverError).toBeUndefined();
  });

  it("removes an unused domain with its audit event", async () => {
    const result = await removeEmailDomainAction({ id: t.domains[1].id });
    expect(result?.serverError).toBeUndefined();
    const rows = await getDb().select().from(emailDomain).where(eq(emailDomain.id, t.domains[1].id));
    expect(rows).toHaveLength(0);
  });

  it("R20 refuses to remove a domain that a mailbox uses, naming the mailbox", async () => {
    await insertTestMailbox(t, { localPart: "support", domainId: t.domains[0].id });
    const result = await expectUnchanged(t.org.id, () => removeEmailDomainAction({ id: t.domains[0].id }));
    expect(result?.serverError).toMatchObject({ code: "IN_USE" });
    expect(result?.serverError?.message).toContain(`support@${t.domains[0].domain}`);
  });

  it("R20 the foreign key refuses it too, whatever the service checks", async () => {
    await insertTestMailbox(t, { localPart: "support", domainId: t.domains[0].id });
    await expect(getDb().delete(emailDomain).where(eq(emailDomain.id, t.domains[0].id))).rejects.toThrow();
  });

  it("refuses a malformed id", async () => {
    const result = await expectUnchanged(t.org.id, () => removeEmailDomainAction({ id: "'; drop table mailbox; --" }));
    expect(result?.validationErrors?.fieldErrors?.id?.[0]).toBeTruthy();
  });
});

describe("S6 smart routings", () => {
  it("adds, renames and removes a routing, each with its audit event", async () => {
    expect(
      (await addSmartRoutingAction({ name: "  VIP  ", hasPublished: false, hasDraft: true }))?.serverError,
    ).toBeUndefined();
    const [vip] = await getDb().select().from(smartRouting).where(eq(smartRouting.name, "VIP"));
    expect(vip.orgId).toBe(t.org.id);
    expect(
      (await updateSmartRoutingAction({ id: vip.id, name: "VIP customers", hasPublished: true, hasDraft: true }))
        ?.serverError,
    ).toBeUndefined();
    expect((await removeSmartRoutingAction({ id: vip.id }))?.serverError).toBeUndefined();
    const actions = (await getDb().select().from(auditEvent).where(eq(auditEvent.entityId, vip.id))).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(["smart_routing.added", "smart_routing.removed", "smart_routing.updated"]);
    const [update] = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, vip.id), eq(auditEvent.action, "smart_routing.updated")));
    expect(update.changes).toMatchObject({
      name: { from: "VIP", to: "VIP customers" },
      hasPublished: { from: false, to: true },
    });
  });

  it.each([
    ["an empty name", { name: "   ", hasPublished: true, hasDraft: true }, "name"],
    ["a CRLF in the name", { name: "Bad\r\nBcc: x", hasPublished: true, hasDraft: true }, "name"],
    ["a 256-character name", { name: "n".repeat(256), hasPublished: true, hasDraft: true }, "name"],
    ["no version at all", { name: "Nothing", hasPublished: false, hasDraft: false }, "hasDraft"],
  ])("refuses %s and changes nothing", async (_label, input, field) => {
    const result = await expectUnchanged(t.org.id, () => addSmartRoutingAction(input));
    expect(result?.validationErrors?.fieldErrors?.[field as "name"]?.[0]).toBeTruthy();
  });

  it("refuses a duplicate name next to the field", async () => {
    const result = await expectUnchanged(t.org.id, () =>
      addSmartRoutingAction({ name: "Triage", hasPublished: true, hasDraft: false }),
    );
    expect(result?.serverError).toMatchObject({ code: "ALREADY_EXISTS", field: "name" });
  });

  it("R20 refuses to remove a routing that a mailbox uses, as Smart Routing or End Smart Routing", async () => {
    await insertTestMailbox(t, {
      localPart: "a",
      smartRoutingId: t.routings.Triage,
      smartRoutingVersion: "production",
    });
    await insertTestMailbox(t, {
      localPart: "b",
      endRoutingId: t.routings["Satisfaction survey"],
      endRoutingVersion: "test",
    });
    for (const id of [t.routings.Triage, t.routings["Satisfaction survey"]]) {
      const result = await expectUnchanged(t.org.id, () => removeSmartRoutingAction({ id }));
      expect(result?.serverError).toMatchObject({ code: "IN_USE" });
    }
  });

  it("R8 refuses to take away the published version while a mailbox uses Production", async () => {
    await insertTestMailbox(t, {
      localPart: "a",
      smartRoutingId: t.routings.Triage,
      smartRoutingVersion: "production",
    });
    const result = await expectUnchanged(t.org.id, () =>
      updateSmartRoutingAction({ id: t.routings.Triage, name: "Triage", hasPublished: false, hasDraft: true }),
    );
    expect(result?.serverError).toMatchObject({ code: "IN_USE", field: "hasPublished" });
  });
});
