import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { account, emailDomain, membership, organization, queue, smartRouting, user } from "./schema";

export type SeedResult = { seeded: false } | { seeded: true; password: string; generated: boolean };

/** Hooks that later layers add to the demo (mailboxes, queue links), run in the seed's transaction. */
export type DemoExtension = (tx: Tx, ids: DemoIds) => Promise<void>;
export type DemoIds = {
  orgId: string;
  adminId: string;
  domains: Record<string, string>;
  routings: Record<string, string>;
  queues: Record<string, string>;
};

export async function createUser(tx: Tx, params: { email: string; name: string; passwordHash: string }) {
  const id = randomUUID();
  await tx.insert(user).values({ id, email: params.email, name: params.name, emailVerified: true });
  await tx.insert(account).values({
    id: randomUUID(),
    accountId: id,
    providerId: "credential",
    userId: id,
    password: params.passwordHash,
  });
  return id;
}

/**
 * Seeds the demo of SPEC §5 into an empty database, once: a second call finds Demo Company and changes
 * nothing. An advisory lock makes two instances starting at once seed it only once.
 */
export async function seedDemo(db: Db, opts: { password?: string; extend?: DemoExtension } = {}): Promise<SeedResult> {
  const generated = !opts.password;
  const password = opts.password || randomBytes(12).toString("base64url");
  // One hash per account (its own salt): a reused hash would tell that the accounts share a password (issue 20.6).
  const [adminHash, agentHash, starterHash] = await Promise.all([1, 2, 3].map(() => hashPassword(password)));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7213001)`);
    const [existing] = await tx.select({ id: organization.id }).from(organization).where(eq(organization.slug, "demo"));
    if (existing) return { seeded: false } as const;

    const [demo] = await tx
      .insert(organization)
      .values({ name: "Demo Company", slug: "demo", timezone: "Europe/Paris", language: "en", smartLicence: true })
      .returning();
    const adminId = await createUser(tx, { email: "admin@mycompany.com", name: "Alex Admin", passwordHash: adminHash });
    const agentId = await createUser(tx, { email: "agent@mycompany.com", name: "Ada Agent", passwordHash: agentHash });
    await tx.insert(membership).values([
      { orgId: demo.id, userId: adminId, role: "admin" },
      { orgId: demo.id, userId: agentId, role: "agent" },
    ]);
    const domains = await tx
      .insert(emailDomain)
      .values(["mycompany.com", "example.org"].map((domain) => ({ orgId: demo.id, domain })))
      .returning();
    const routings = await tx
      .insert(smartRouting)
      .values([
        { orgId: demo.id, name: "Triage", hasPublished: true, hasDraft: true },
        { orgId: demo.id, name: "Escalation", hasPublished: false, hasDraft: true },
        { orgId: demo.id, name: "Satisfaction survey", hasPublished: true, hasDraft: true },
      ])
      .returning();
    const queues = await tx
      .insert(queue)
      .values(["Support", "Billing", "Sales"].map((name) => ({ orgId: demo.id, name })))
      .returning();

    const [starter] = await tx
      .insert(organization)
      .values({
        name: "Starter Company",
        slug: "starter",
        timezone: "Europe/London",
        language: "en",
        smartLicence: false,
      })
      .returning();
    const starterAdminId = await createUser(tx, {
      email: "admin@starter.example",
      name: "Sam Starter",
      passwordHash: starterHash,
    });
    await tx.insert(membership).values({ orgId: starter.id, userId: starterAdminId, role: "admin" });

    await opts.extend?.(tx, {
      orgId: demo.id,
      adminId,
      domains: Object.fromEntries(domains.map((d) => [d.domain, d.id])),
      routings: Object.fromEntries(routings.map((r) => [r.name, r.id])),
      queues: Object.fromEntries(queues.map((q) => [q.name, q.id])),
    });
    return { seeded: true, password, generated } as const;
  });
}
