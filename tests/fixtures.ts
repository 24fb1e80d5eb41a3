import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { createUser } from "@/db/seed";
import {
  aliasToken,
  auditEvent,
  emailDomain,
  inboundMessage,
  mailbox,
  membership,
  organization,
  queue,
  queueMailbox,
  smartRouting,
} from "@/db/schema";
import { getAuth } from "@/lib/auth/auth";
import { setRequestHeaders } from "./request-context";

export const TEST_PASSWORD = "test-password-123";
let passwordHash: Promise<string> | undefined;

export type TestOrg = Awaited<ReturnType<typeof createTestOrg>>;

/** An organisation of its own for one test: unique slug and users, two domains, the three demo routings. */
export async function createTestOrg(opts: { licence?: boolean; domains?: string[] } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  return getDb().transaction(async (tx) => {
    const [org] = await tx
      .insert(organization)
      .values({
        name: `Org ${tag}`,
        slug: `org-${tag}`,
        timezone: "Europe/Paris",
        language: "en",
        smartLicence: opts.licence ?? true,
      })
      .returning();
    const adminEmail = `admin-${tag}@test.example`;
    const agentEmail = `agent-${tag}@test.example`;
    const adminId = await createUser(tx, { email: adminEmail, name: `Admin ${tag}`, passwordHash: hash });
    const agentId = await createUser(tx, { email: agentEmail, name: `Agent ${tag}`, passwordHash: hash });
    await tx.insert(membership).values([
      { orgId: org.id, userId: adminId, role: "admin" },
      { orgId: org.id, userId: agentId, role: "agent" },
    ]);
    const domains = await tx
      .insert(emailDomain)
      .values(
        (opts.domains ?? [`${tag}.example.com`, `${tag}.example.org`]).map((domain) => ({ orgId: org.id, domain })),
      )
      .returning();
    const routings = await tx
      .insert(smartRouting)
      .values([
        { orgId: org.id, name: "Triage", hasPublished: true, hasDraft: true },
        { orgId: org.id, name: "Escalation", hasPublished: false, hasDraft: true },
        { orgId: org.id, name: "Satisfaction survey", hasPublished: true, hasDraft: true },
      ])
      .returning();
    return {
      org,
      tag,
      admin: { id: adminId, email: adminEmail },
      agent: { id: agentId, email: agentEmail },
      domains: domains.map((d) => ({ id: d.id, domain: d.domain })),
      routings: Object.fromEntries(routings.map((r) => [r.name, r.id])) as Record<
        "Triage" | "Escalation" | "Satisfaction survey",
        string
      >,
    };
  });
}

/** Makes the next server-action calls come from this user's real Better Auth session. */
export async function signInAs(email: string): Promise<void> {
  const { headers } = await getAuth().api.signInEmail({
    body: { email, password: TEST_PASSWORD },
    returnHeaders: true,
  });
  const cookies = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  setRequestHeaders(new Headers({ cookie: cookies }));
}

export function signOutOfTests(): void {
  setRequestHeaders(new Headers());
}

/** Everything an organisation owns, in a stable order, to prove that a refusal changed nothing. */
export async function snapshotOrg(orgId: string) {
  const [org] = await getDb().select().from(organization).where(eq(organization.id, orgId));
  return {
    org,
    domains: await getDb().select().from(emailDomain).where(eq(emailDomain.orgId, orgId)).orderBy(asc(emailDomain.id)),
    routings: await getDb()
      .select()
      .from(smartRouting)
      .where(eq(smartRouting.orgId, orgId))
      .orderBy(asc(smartRouting.id)),
    mailboxes: await getDb().select().from(mailbox).where(eq(mailbox.orgId, orgId)).orderBy(asc(mailbox.id)),
    aliasTokens: await getDb()
      .select()
      .from(aliasToken)
      .where(eq(aliasToken.orgId, orgId))
      .orderBy(asc(aliasToken.token)),
    queues: await getDb().select().from(queue).where(eq(queue.orgId, orgId)).orderBy(asc(queue.id)),
    links: await getDb()
      .select()
      .from(queueMailbox)
      .where(eq(queueMailbox.orgId, orgId))
      .orderBy(asc(queueMailbox.queueId), asc(queueMailbox.mailboxId)),
    inbound: await getDb()
      .select()
      .from(inboundMessage)
      .where(eq(inboundMessage.orgId, orgId))
      .orderBy(asc(inboundMessage.id)),
    audit: await getDb().select().from(auditEvent).where(eq(auditEvent.orgId, orgId)).orderBy(asc(auditEvent.id)),
  };
}

/** Runs `fn` and checks that the organisation's data is exactly as before. */
export async function expectUnchanged<T>(orgId: string, fn: () => Promise<T>): Promise<T> {
  const before = await snapshotOrg(orgId);
  const result = await fn();
  const after = await snapshotOrg(orgId);
  const { expect } = await import("vitest");
  expect(after).toEqual(before);
  return result;
}

/** The usual setup of an action test: an organisation of its own, another one, and its admin signed in. */
export async function twoOrgsSignedIn(): Promise<{ t: TestOrg; other: TestOrg }> {
  const t = await createTestOrg();
  const other = await createTestOrg();
  await signInAs(t.admin.email);
  return { t, other };
}
