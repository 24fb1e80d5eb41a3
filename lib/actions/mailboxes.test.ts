import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { aliasToken, auditEvent, mailbox } from "@/db/schema";
import { findMailboxes } from "@/lib/mailboxes/find-mailboxes";
import { getMailboxOrThrow } from "@/lib/mailboxes/get-mailbox-or-throw";
import { issueAliasToken } from "@/lib/mailboxes/issue-alias-token";
import {
  createTestOrg,
  expectUnchanged,
  signInAs,
  signOutOfTests,
  twoOrgsSignedIn,
  type TestOrg,
} from "@/tests/fixtures";
import { insertTestMailbox, insertTestQueueLink, mailboxInput } from "@/tests/mailbox-fixtures";
import {
  activateMailboxAction,
  createMailboxAction,
  deactivateMailboxAction,
  deleteMailboxAction,
  updateMailboxAction,
} from "./mailboxes";

let t: TestOrg;
let other: TestOrg;
beforeEach(async () => {
  ({ t, other } = await twoOrgsSignedIn());
});

async function create(overrides: Record<string, unknown> = {}) {
  const result = await createMailboxAction(mailboxInput(t, overrides) as never);
  expect(result?.serverError).toBeUndefined();
  expect(result?.validationErrors).toBeUndefined();
  const [row] = await getDb().select().from(mailbox).where(eq(mailbox.id, result!.data!.id));
  return row;
}
const fieldError = (r: unknown, field: string) =>
  (r as { validationErrors?: { fieldErrors?: Record<string, string[]> } })?.validationErrors?.fieldErrors?.[field]?.[0];

describe("R18 access to mailbox actions", () => {
  it("refuses every action without a session, to an agent, and without a Smart licence; nothing changes", async () => {
    const m = await insertTestMailbox(t, { localPart: "existing" });
    const calls: (() => Promise<unknown>)[] = [
      () => createMailboxAction(mailboxInput(t) as never),
      () => updateMailboxAction({ ...mailboxInput(t), id: m.id, version: 1 } as never),
      () => deactivateMailboxAction({ id: m.id }),
      () => activateMailboxAction({ id: m.id }),
      () => deleteMailboxAction({ id: m.id }),
    ];
    const starter = await createTestOrg({ licence: false });
    for (const [who, expected] of [
      [async () => signOutOfTests(), "UNAUTHENTICATED"],
      [() => signInAs(t.agent.email), "FORBIDDEN"],
    ] as const) {
      await who();
      for (const call of calls)
        expect(await expectUnchanged(t.org.id, call)).toMatchObject({ serverError: { code: expected } });
    }
    await signInAs(starter.admin.email);
    for (const call of calls) {
      const r = await expectUnchanged(starter.org.id, call);
      expect(r).toMatchObject({
        serverError: { code: "FORBIDDEN", message: expect.stringContaining("Smart licence needed") },
      });
    }
  });

  it("treats a forged id of another organisation's mailbox as not found, and changes nothing there", async () => {
    const theirs = await insertTestMailbox(other, { localPart: "theirs", domainId: other.domains[0].id });
    const calls: (() => Promise<unknown>)[] = [
      () => updateMailboxAction({ ...mailboxInput(t), id: theirs.id, version: 1 } as never),
      () => deactivateMailboxAction({ id: theirs.id }),
      () => deleteMailboxAction({ id: theirs.id }),
    ];
    for (const call of calls)
      expect(await expectUnchanged(other.org.id, call)).toMatchObject({ serverError: { code: "NOT_FOUND" } });
  });
});

describe("R18 reads are scoped to the organisation", () => {
  it("the detail read finds the organisation's own mailbox, and another organisation's as not found", async () => {
    const mine = await insertTestMailbox(t, { localPart: "mine" });
    const theirs = await insertTestMailbox(other, { localPart: "theirs", domainId: other.domains[0].id });
    expect((await getMailboxOrThrow(t.org.id, mine.id)).address).toBe(`mine@${t.domains[0].domain}`);
    await expect(getMailboxOrThrow(t.org.id, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await findMailboxes(t.org.id);
    expect(list.map((m) => m.id)).toEqual([mine.id]);
  });
});

describe("R1–R9 create with valid input", () => {
  it("creates the mailbox with a fresh alias, its audit event, and defaults stored as null", async () => {
    const row = await create({
      displayName: "  Support Team  ",
      smartRoutingId: t.routings.Triage,
      smartRoutingVersion: "production",
    });
    expect(row).toMatchObject({
      displayName: "Support Team",
      localPart: "support",
      active: true,
      version: 1,
      timezone: null,
      language: null,
      smartRoutingVersion: "production",
    });
    expect(row.aliasToken).toMatch(/^[a-z0-9]{8,}$/);
    const [event] = await getDb().select().from(auditEvent).where(eq(auditEvent.entityId, row.id));
    expect(event).toMatchObject({
      action: "mailbox.created",
      actorId: t.admin.id,
      changes: {
        address: { from: null, to: `support@${t.domains[0].domain}` },
        smartRouting: { from: null, to: "Triage" },
        alias: { from: null, to: expect.stringMatching(new RegExp(`^${row.aliasToken}@${t.org.slug}\\.ino\\.cx$`)) },
      },
    });
  });

  it("accepts every dot-atom character, an IANA timezone, a language, and both routings (R2, R5, R6, R8, R9)", async () => {
    const row = await create({
      localPart: "a.b-c_d+e!#$%&'*/=?^`{|}~",
      timezone: "Europe/Berlin",
      language: "de",
      smartRoutingId: t.routings.Escalation,
      smartRoutingVersion: "test",
      endRoutingId: t.routings["Satisfaction survey"],
      endRoutingVersion: "production",
    });
    expect(row).toMatchObject({ timezone: "Europe/Berlin", language: "de", endRoutingVersion: "production" });
  });

  it("R8 clears a version sent without a routing", async () => {
    const row = await create({ smartRoutingId: "", smartRoutingVersion: "production" });
    expect(row.smartRoutingVersion).toBeNull();
  });
});

describe("R1–R9 refusals: next to their field, nothing changes", () => {
  it.each([
    ["R1 an empty display name", { displayName: "   " }, "displayName", "required"],
    [
      "R1 a CRLF in the display name",
      { displayName: "Support\r\nBcc: victim@example.com" },
      "displayName",
      "line breaks",
    ],
    ["R1 a 256-character display name", { displayName: "x".repeat(256) }, "displayName", "255"],
    ["R1 a 10 kB display name", { displayName: "x".repeat(10_000) }, "displayName", "255"],
    ["R2 an uppercase local part", { localPart: "Sales" }, "localPart", "lowercase"],
    ["R2 a doubled dot", { localPart: "a..b" }, "localPart", "two dots"],
    ["R2 a leading dot", { localPart: ".a" }, "localPart", "start or end with a dot"],
    ["R2 a trailing dot", { localPart: "a." }, "localPart", "start or end with a dot"],
    ["R2 a 65-character local part", { localPart: "a".repeat(65) }, "localPart", "64"],
    ["R2 a whole address", { localPart: "support@mycompany.com" }, "localPart", "before the @"],
    ["R2 a forbidden character", { localPart: "sup(port)" }, "localPart", "only"],
    ["R2 an empty local part", { localPart: "" }, "localPart", "Enter"],
    ["R3 no domain", { domainId: "" }, "domainId", "domain"],
    ["R5 an unknown timezone", { timezone: "Mars/Olympus" }, "timezone", "time zone"],
    ["R6 an unsupported language", { language: "tlh" }, "language", "language"],
    ["R7 another routing type", { routing: "round-robin" }, "routing", "Only Smart Routing"],
    [
      "R8 a routing without its version",
      { smartRoutingId: "11111111-1111-4111-8111-111111111111", smartRoutingVersion: "" },
      "smartRoutingVersion",
      "Production or Test",
    ],
    [
      "R9 an end routing without its version",
      { endRoutingId: "11111111-1111-4111-8111-111111111111", endRoutingVersion: "" },
      "endRoutingVersion",
      "Production or Test",
    ],
  ])("%s", async (_name, overrides, field, message) => {
    const r = await expectUnchanged(t.org.id, () => createMailboxAction(mailboxInput(t, overrides) as never));
    expect(fieldError(r, field)).toContain(message);
  });

  it.each([
    ["R3 a domain of another organisation", () => ({ domainId: other.domains[0].id }), "domainId"],
    ["R3 an unknown domain", () => ({ domainId: "11111111-1111-4111-8111-111111111111" }), "domainId"],
    [
      "R8 a routing of another organisation",
      () => ({ smartRoutingId: other.routings.Triage, smartRoutingVersion: "test" }),
      "smartRoutingId",
    ],
    [
      "R8 Production for a draft-only routing",
      () => ({ smartRoutingId: t.routings.Escalation, smartRoutingVersion: "production" }),
      "smartRoutingVersion",
    ],
    [
      "R9 an end routing of another organisation",
      () => ({ endRoutingId: other.routings.Triage, endRoutingVersion: "test" }),
      "endRoutingId",
    ],
    [
      "R9 Production for a draft-only end routing",
      () => ({ endRoutingId: t.routings.Escalation, endRoutingVersion: "production" }),
      "endRoutingVersion",
    ],
  ])("%s is refused by the server next to its field", async (_name, overrides, field) => {
    const r = await expectUnchanged(t.org.id, () => createMailboxAction(mailboxInput(t, overrides()) as never));
    expect(r?.serverError).toMatchObject({ code: "INVALID", field });
  });

  it("R4 refuses a duplicate address next to the local part; the same local part on another domain is fine", async () => {
    await create();
    const r = await expectUnchanged(t.org.id, () => createMailboxAction(mailboxInput(t) as never));
    expect(r?.serverError).toMatchObject({
      code: "ALREADY_EXISTS",
      field: "localPart",
      message: expect.stringContaining(`support@${t.domains[0].domain}`),
    });
    await create({ domainId: t.domains[1].id });
  });

  it("R4 the unique constraint holds even when the friendly check is bypassed", async () => {
    await create();
    await expect(insertTestMailbox(t, { localPart: "support" })).rejects.toThrow();
  });
});

describe("R10 the limit of 50 mailboxes", () => {
  it("refuses the 51st, and deleting one frees a place", async () => {
    const existing = [];
    for (let i = 0; i < 50; i++) existing.push(await insertTestMailbox(t, { localPart: `m${i}` }));
    const r = await expectUnchanged(t.org.id, () =>
      createMailboxAction(mailboxInput(t, { localPart: "one-more" }) as never),
    );
    expect(r?.serverError).toMatchObject({ code: "LIMIT_REACHED", message: expect.stringContaining("limit of 50") });
    expect((await deleteMailboxAction({ id: existing[0].id }))?.serverError).toBeUndefined();
    await create({ localPart: "one-more" });
  });

  it("inactive mailboxes count too", async () => {
    for (let i = 0; i < 50; i++) await insertTestMailbox(t, { localPart: `m${i}`, active: i % 2 === 0 });
    const r = await createMailboxAction(mailboxInput(t, { localPart: "x" }) as never);
    expect(r?.serverError?.code).toBe("LIMIT_REACHED");
  });
});

describe("R11 R12 edit", () => {
  it("changes every field, never the alias, bumps the version and records the diff", async () => {
    const m = await create();
    const r = await updateMailboxAction({
      ...mailboxInput(t, {
        displayName: "Helpdesk",
        localPart: "help",
        domainId: t.domains[1].id,
        timezone: "Asia/Tokyo",
        language: "fr",
        smartRoutingId: t.routings.Triage,
        smartRoutingVersion: "test",
      }),
      id: m.id,
      version: 1,
    } as never);
    expect(r?.serverError).toBeUndefined();
    const [after] = await getDb().select().from(mailbox).where(eq(mailbox.id, m.id));
    expect(after).toMatchObject({
      displayName: "Helpdesk",
      localPart: "help",
      domainId: t.domains[1].id,
      timezone: "Asia/Tokyo",
      language: "fr",
      version: 2,
    });
    expect(after.aliasToken).toBe(m.aliasToken);
    const [event] = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, m.id), eq(auditEvent.action, "mailbox.updated")));
    expect(event.changes).toEqual({
      displayName: { from: "Support Team", to: "Helpdesk" },
      address: { from: `support@${t.domains[0].domain}`, to: `help@${t.domains[1].domain}` },
      // R25: the history says that the provider's forwarding rule must follow the address.
      forwarding: {
        from: `rule for support@${t.domains[0].domain}`,
        to: `rule for help@${t.domains[1].domain}: change it at your email provider, then verify again`,
      },
      timezone: { from: "Default", to: "Asia/Tokyo" },
      language: { from: "Default", to: "fr" },
      smartRouting: { from: null, to: "Triage" },
      smartRoutingVersion: { from: null, to: "test" },
    });
  });

  it("ignores an alias smuggled into the input (R11)", async () => {
    const m = await create();
    await updateMailboxAction({
      ...mailboxInput(t, { displayName: "X" }),
      id: m.id,
      version: 1,
      aliasToken: "hijacked01",
      alias: "x@y.z",
    } as never);
    const [after] = await getDb().select().from(mailbox).where(eq(mailbox.id, m.id));
    expect(after.aliasToken).toBe(m.aliasToken);
  });

  it("refuses a save based on a stale version, and changes nothing", async () => {
    const m = await create();
    expect(
      (await updateMailboxAction({ ...mailboxInput(t, { displayName: "First" }), id: m.id, version: 1 } as never))
        ?.serverError,
    ).toBeUndefined();
    const r = await expectUnchanged(t.org.id, () =>
      updateMailboxAction({ ...mailboxInput(t, { displayName: "Second" }), id: m.id, version: 1 } as never),
    );
    expect(r?.serverError).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Reload") });
  });

  it("R4 refuses to take another mailbox's address", async () => {
    await create({ localPart: "taken" });
    const m = await create({ localPart: "mine" });
    const r = await expectUnchanged(t.org.id, () =>
      updateMailboxAction({ ...mailboxInput(t, { localPart: "taken" }), id: m.id, version: 1 } as never),
    );
    expect(r?.serverError).toMatchObject({ code: "ALREADY_EXISTS", field: "localPart" });
  });

  it("applies the same field rules as create", async () => {
    const m = await create();
    const r = await expectUnchanged(t.org.id, () =>
      updateMailboxAction({ ...mailboxInput(t, { localPart: "Sales" }), id: m.id, version: 1 } as never),
    );
    expect(fieldError(r, "localPart")).toContain("lowercase");
  });
});

describe("R13 R14 lifecycle", () => {
  it("deactivates and reactivates, keeping every setting, with audit events", async () => {
    const m = await create({ smartRoutingId: t.routings.Triage, smartRoutingVersion: "test", timezone: "Europe/Rome" });
    expect((await deactivateMailboxAction({ id: m.id }))?.serverError).toBeUndefined();
    let [row] = await getDb().select().from(mailbox).where(eq(mailbox.id, m.id));
    expect(row).toMatchObject({
      active: false,
      timezone: "Europe/Rome",
      smartRoutingId: t.routings.Triage,
      aliasToken: m.aliasToken,
    });
    expect((await activateMailboxAction({ id: m.id }))?.serverError).toBeUndefined();
    [row] = await getDb().select().from(mailbox).where(eq(mailbox.id, m.id));
    expect(row.active).toBe(true);
    const actions = (await getDb().select().from(auditEvent).where(eq(auditEvent.entityId, m.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["mailbox.deactivated", "mailbox.activated"]));
  });

  it("R13 refuses to deactivate the default of a queue, naming the queue; a non-default link does not block", async () => {
    const m = await create();
    const other = await create({ localPart: "other" });
    const support = await insertTestQueueLink(t, m.id, { queueName: "Support", isDefault: true });
    await insertTestQueueLink(t, other.id, { queueId: support, isDefault: false });
    const r = await expectUnchanged(t.org.id, () => deactivateMailboxAction({ id: m.id }));
    expect(r?.serverError).toMatchObject({
      code: "IN_USE",
      message: expect.stringContaining("“Support”"),
      details: { queues: [expect.objectContaining({ name: "Support" })] },
    });
    expect((await deactivateMailboxAction({ id: other.id }))?.serverError).toBeUndefined();
  });

  it("R14 refuses to delete a mailbox linked to any queue, naming them", async () => {
    const m = await create();
    const billingDefault = await create({ localPart: "billing" });
    await insertTestQueueLink(t, m.id, { queueName: "Sales", isDefault: true });
    const billing = await insertTestQueueLink(t, billingDefault.id, { queueName: "Billing", isDefault: true });
    await insertTestQueueLink(t, m.id, { queueId: billing, isDefault: false });
    const r = await expectUnchanged(t.org.id, () => deleteMailboxAction({ id: m.id }));
    expect(r?.serverError).toMatchObject({ code: "IN_USE", message: expect.stringContaining("“Billing” and “Sales”") });
  });

  it("R14 deletes for good; the deleted alias token stays registered and is never issued again (R11)", async () => {
    const m = await create();
    expect((await deleteMailboxAction({ id: m.id }))?.serverError).toBeUndefined();
    expect(await getDb().select().from(mailbox).where(eq(mailbox.id, m.id))).toHaveLength(0);
    expect(await getDb().select().from(aliasToken).where(eq(aliasToken.token, m.aliasToken))).toHaveLength(1);
    await expect(getDb().insert(aliasToken).values({ token: m.aliasToken, orgId: t.org.id })).rejects.toThrow();
    // Even a generator that draws the old token again gets a fresh one.
    const draws = [m.aliasToken, "freshtoken42"];
    const issued = await getDb().transaction((tx) => issueAliasToken(tx, t.org.id, () => draws.shift()!));
    expect(issued).toBe("freshtoken42");
    const [event] = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, m.id), eq(auditEvent.action, "mailbox.deleted")));
    expect(event.changes.address).toEqual({ from: `support@${t.domains[0].domain}`, to: null });
  });
});
