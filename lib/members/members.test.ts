import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  changeMemberRoleAction,
  clearSignInLimitAction,
  removeMemberAction,
  setAlertRecipientsAction,
} from "@/lib/actions/members";
import { getDb } from "@/db";
import { createUser } from "@/db/seed";
import { alertEmail, auditEvent, forwardingVerification, membership } from "@/db/schema";
import { runHealthTick } from "@/lib/health-tick/run-health-tick";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { countSignInAttempt } from "@/lib/auth/sign-in-limiter";
import { createTestOrg, expectUnchanged, signInAs, twoOrgsSignedIn, type TestOrg } from "@/tests/fixtures";
import { changeMemberRole } from "./change-member-role";
import { findAlertRecipients } from "./find-alert-recipients";
import { findMembers } from "./find-members";
import { removeMember } from "./remove-member";

const onPostgres = !!process.env.DATABASE_URL;
const message = (r: unknown) => (r as { serverError?: { message?: string } })?.serverError?.message;

async function addAdmin(t: TestOrg) {
  const email = `admin2-${randomUUID().slice(0, 8)}@test.example`;
  const id = await getDb().transaction(async (tx) => {
    const userId = await createUser(tx, { email, name: "Second Admin", passwordHash: "x" });
    await tx.insert(membership).values({ orgId: t.org.id, userId, role: "admin" });
    return userId;
  });
  return { id, email };
}

const events = (orgId: string, action: string) =>
  getDb()
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.orgId, orgId), eq(auditEvent.action, action)));

describe("R47 members and roles", () => {
  it("lists members with their role, admins first, and who receives alerts", async () => {
    const t = await createTestOrg();
    const { members, chosen } = await findMembers(t.org.id);
    expect(chosen).toBe(false);
    expect(members.map((m) => [m.email, m.role, m.receivesAlerts])).toEqual([
      [t.admin.email, "admin", true],
      [t.agent.email, "agent", false],
    ]);
  });

  it("an admin changes a role and removes a member, each audited", async () => {
    const { t } = await twoOrgsSignedIn();
    expect(message(await changeMemberRoleAction({ userId: t.agent.id, role: "admin" }))).toBeUndefined();
    expect((await findMembers(t.org.id)).members.every((m) => m.role === "admin")).toBe(true);
    expect(await events(t.org.id, "member.role_changed")).toMatchObject([
      {
        actorId: t.admin.id,
        entityId: t.agent.id,
        entityLabel: t.agent.email,
        changes: { role: { from: "agent", to: "admin" } },
      },
    ]);
    expect(message(await removeMemberAction({ userId: t.agent.id }))).toBeUndefined();
    expect((await findMembers(t.org.id)).members.map((m) => m.email)).toEqual([t.admin.email]);
    expect(await events(t.org.id, "member.removed")).toHaveLength(1);
  });

  it("never the last admin: demoting or removing them is refused with a reason, and nothing changes", async () => {
    const { t } = await twoOrgsSignedIn();
    for (const call of [
      () => changeMemberRoleAction({ userId: t.admin.id, role: "agent" }),
      () => removeMemberAction({ userId: t.admin.id }),
    ]) {
      const r = await expectUnchanged(t.org.id, call);
      expect(message(r)).toMatch(/last admin: make another member an admin first/);
    }
  });

  it("another organisation's member is not found; an agent may do nothing", async () => {
    const { t, other } = await twoOrgsSignedIn();
    const r = await expectUnchanged(other.org.id, () => removeMemberAction({ userId: other.agent.id }));
    expect(r?.serverError).toMatchObject({ code: "NOT_FOUND" });
    await signInAs(t.agent.email);
    const refused = await expectUnchanged(t.org.id, () =>
      changeMemberRoleAction({ userId: t.agent.id, role: "admin" }),
    );
    expect(refused?.serverError).toBeDefined();
  });

  it.skipIf(!onPostgres)(
    "two admins demoting (or removing) each other at the same instant: one wins, one admin remains (PostgreSQL)",
    async () => {
      for (let round = 0; round < 5; round++) {
        const t = await createTestOrg();
        const second = await addAdmin(t);
        const results = await Promise.allSettled([
          changeMemberRole({ orgId: t.org.id, actorId: second.id, userId: t.admin.id, role: "agent" }),
          round % 2
            ? removeMember({ orgId: t.org.id, actorId: t.admin.id, userId: second.id })
            : changeMemberRole({ orgId: t.org.id, actorId: t.admin.id, userId: second.id, role: "agent" }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const admins = (await findMembers(t.org.id)).members.filter((m) => m.role === "admin");
        expect(admins).toHaveLength(1);
      }
    },
  );
});

describe("R47 alert recipients", () => {
  it("all admins by default; chosen members when set (audited); back to all admins when every chosen one has left", async () => {
    const { t } = await twoOrgsSignedIn();
    expect((await findAlertRecipients(getDb(), t.org.id)).map((r) => r.email)).toEqual([t.admin.email]);
    expect(message(await setAlertRecipientsAction({ mode: "chosen", userIds: [t.agent.id] }))).toBeUndefined();
    expect((await findAlertRecipients(getDb(), t.org.id)).map((r) => r.email)).toEqual([t.agent.email]);
    expect(await events(t.org.id, "organization.alert_recipients_changed")).toMatchObject([
      {
        changes: { alertRecipients: { from: `All admins: ${t.admin.email}`, to: `Chosen members: ${t.agent.email}` } },
      },
    ]);
    await removeMember({ orgId: t.org.id, actorId: t.admin.id, userId: t.agent.id });
    expect((await findAlertRecipients(getDb(), t.org.id)).map((r) => r.email)).toEqual([t.admin.email]);
  });

  it("refuses an empty choice and another organisation's member, and changes nothing", async () => {
    const { t, other } = await twoOrgsSignedIn();
    const empty = await expectUnchanged(t.org.id, () => setAlertRecipientsAction({ mode: "chosen", userIds: [] }));
    expect(empty?.serverError).toMatchObject({ code: "INVALID", field: "userIds" });
    const foreign = await expectUnchanged(t.org.id, () =>
      setAlertRecipientsAction({ mode: "chosen", userIds: [other.admin.id] }),
    );
    expect(foreign?.serverError).toMatchObject({ code: "NOT_FOUND" });
    expect((await findAlertRecipients(getDb(), other.org.id)).map((r) => r.email)).toEqual([other.admin.email]);
  });
});

describe("R31 an admin clears a member's sign-in limit", () => {
  it("the member can sign in again from the locked address; audited; not for another organisation's account", async () => {
    const { t, other } = await twoOrgsSignedIn();
    const now = new Date();
    for (let i = 0; i < 6; i++)
      await countSignInAttempt(getDb(), { email: t.agent.email, address: "198.51.100.7", now });
    expect((await countSignInAttempt(getDb(), { email: t.agent.email, address: "198.51.100.7", now })).allowed).toBe(
      false,
    );
    const r = await clearSignInLimitAction({ userId: t.agent.id });
    expect(r?.data).toEqual({ email: t.agent.email, cleared: true });
    expect((await countSignInAttempt(getDb(), { email: t.agent.email, address: "198.51.100.7", now })).allowed).toBe(
      true,
    );
    expect(await events(t.org.id, "user.sign_in_limit_cleared")).toMatchObject([
      { actorId: t.admin.id, entityLabel: t.agent.email },
    ]);
    expect((await clearSignInLimitAction({ userId: other.agent.id }))?.serverError).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("R47 + R29 alert emails go to the chosen recipients", () => {
  it("a failing mailbox alerts the chosen member only, not the admins", async () => {
    const { t } = await twoOrgsSignedIn();
    await setAlertRecipientsAction({ mode: "chosen", userIds: [t.agent.id] });
    const past = new Date(Date.now() - 2 * 3_600_000);
    const m = await insertTestMailbox(t, { localPart: "orders" });
    await getDb()
      .insert(forwardingVerification)
      .values([
        {
          orgId: t.org.id,
          mailboxId: m.id,
          address: m.address,
          token: `fv-${randomUUID()}`,
          requestedAt: new Date(past.getTime() - 3_600_000),
          expiresAt: past,
          verifiedAt: new Date(past.getTime() - 3_600_000),
        },
        {
          orgId: t.org.id,
          mailboxId: m.id,
          address: m.address,
          token: `fv-${randomUUID()}`,
          requestedAt: past,
          expiresAt: new Date(past.getTime() + 900_000),
        },
      ]);
    await runHealthTick(getDb(), { orgId: t.org.id, now: new Date(), intervalMs: 3_600_000, enqueue: async () => {} });
    const rows = await getDb()
      .select({ userId: alertEmail.userId })
      .from(alertEmail)
      .where(eq(alertEmail.orgId, t.org.id));
    expect(rows.map((r) => r.userId)).toEqual([t.agent.id]);
  });
});
