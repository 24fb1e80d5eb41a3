import { and, count, eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  account,
  emailDomain,
  mailbox,
  membership,
  organization,
  queue,
  queueMailbox,
  smartRouting,
  user,
} from "@/db/schema";
import { seedDemoMailboxes } from "@/lib/demo-seed/seed-demo-mailboxes";
import { seedDemo } from "./seed";

/** What the seed owns: the demo organisations and everything in them (other tests run in parallel). */
async function counts() {
  const orgs = await getDb()
    .select({ id: organization.id })
    .from(organization)
    .where(inArray(organization.slug, ["demo", "starter"]));
  const ids = orgs.map((o) => o.id);
  const n = async (t: PgTable & { orgId: PgColumn }) =>
    (await getDb().select({ n: count() }).from(t).where(inArray(t.orgId, ids)))[0].n;
  const members = await getDb()
    .select({ userId: membership.userId })
    .from(membership)
    .where(inArray(membership.orgId, ids));
  return {
    orgs: ids.length,
    users: (
      await getDb()
        .select({ n: count() })
        .from(user)
        .where(
          inArray(
            user.id,
            members.map((m) => m.userId),
          ),
        )
    )[0].n,
    memberships: members.length,
    domains: await n(emailDomain),
    routings: await n(smartRouting),
    queues: await n(queue),
    mailboxes: await n(mailbox),
    links: await n(queueMailbox),
  };
}

describe("SPEC §5 demo seed", () => {
  it("seeds the demo once: a second run changes nothing", async () => {
    const existing = await getDb().select().from(organization).where(eq(organization.slug, "demo"));
    const first = await seedDemo(getDb(), { password: "seed-password-1", extend: seedDemoMailboxes });
    expect(first.seeded).toBe(existing.length === 0);
    const before = await counts();
    const second = await seedDemo(getDb(), { password: "seed-password-2", extend: seedDemoMailboxes });
    expect(second).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
  });

  it("issue 20.6: each seeded account has its own password hash (one salt each), and each verifies", async () => {
    await seedDemo(getDb(), { password: "seed-password-1", extend: seedDemoMailboxes });
    const emails = ["admin@mycompany.com", "agent@mycompany.com", "admin@starter.example"];
    const rows = await getDb()
      .select({ hash: account.password })
      .from(account)
      .innerJoin(user, eq(user.id, account.userId))
      .where(inArray(user.email, emails));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(3);
  });

  it("has Demo Company's mailboxes, routings and queue defaults as the spec says", async () => {
    await seedDemo(getDb(), { password: "seed-password-1", extend: seedDemoMailboxes });
    const [demo] = await getDb().select().from(organization).where(eq(organization.slug, "demo"));
    expect(demo).toMatchObject({ name: "Demo Company", timezone: "Europe/Paris", language: "en", smartLicence: true });
    const rows = await getDb()
      .select({
        name: mailbox.displayName,
        local: mailbox.localPart,
        active: mailbox.active,
        tz: mailbox.timezone,
        lang: mailbox.language,
      })
      .from(mailbox)
      .where(eq(mailbox.orgId, demo.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        { name: "Support Team", local: "support", active: true, tz: null, lang: null },
        { name: "Billing", local: "billing", active: true, tz: null, lang: null },
        { name: "Sales Europe", local: "sales", active: true, tz: "Europe/Berlin", lang: "de" },
        { name: "Old newsletter", local: "news", active: false, tz: null, lang: null },
      ]),
    );
    const defaults = await getDb()
      .select({ queue: queue.name, mailbox: mailbox.displayName })
      .from(queueMailbox)
      .innerJoin(queue, eq(queue.id, queueMailbox.queueId))
      .innerJoin(mailbox, eq(mailbox.id, queueMailbox.mailboxId))
      .where(and(eq(queueMailbox.orgId, demo.id), eq(queueMailbox.isDefault, true)));
    expect(defaults).toEqual(
      expect.arrayContaining([
        { queue: "Support", mailbox: "Support Team" },
        { queue: "Billing", mailbox: "Billing" },
        { queue: "Sales", mailbox: "Sales Europe" },
      ]),
    );
    const [starter] = await getDb().select().from(organization).where(eq(organization.slug, "starter"));
    expect(starter.smartLicence).toBe(false);
  });
});
