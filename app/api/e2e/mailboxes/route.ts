import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { mailbox } from "@/db/schema";
import { getMakerAccess } from "@/lib/auth/guard";
import { createMailbox } from "@/lib/mailboxes/create-mailbox";
import { deleteMailbox } from "@/lib/mailboxes/delete-mailbox";
import { EMPTY_MAILBOX_FIELDS } from "@/lib/mailboxes/schemas";
import { createQueue } from "@/lib/queues/create-queue";
import { linkMailboxToQueue } from "@/lib/queues/link-mailbox-to-queue";
import { removeQueue } from "@/lib/queues/remove-queue";
import { findOrgSettings } from "@/lib/settings/find-org-settings";
import { config } from "@/lib/config";

/**
 * End-to-end tests only (404 unless E2E_SEED=1, which only playwright.config.ts sets): fills the signed-in
 * admin's organisation up to its limit with realistic mailboxes through the real services (POST), and removes
 * them again (DELETE), so the screen tests see 50 mailboxes without the other journeys seeing them.
 */
const enabled = () => config().E2E_SEED;

const PEOPLE = [
  "Customer Service Europe",
  "Après-vente France et Belgique",
  "Key Accounts & Strategic Partnerships",
  "Technical Support Level 2",
  "Returns and Refunds",
  "Partner Onboarding Desk",
  "Invoicing Questions (North America)",
  "Sales Development Representatives",
];
const QUEUES = [
  "Tier 2 Escalations",
  "Premium Customers",
  "Returns Handling",
  "Billing Disputes",
  "New Business Leads",
  "Partner Success",
  "Weekend Coverage",
  "Spanish Speaking Team",
];

async function admin() {
  const access = await getMakerAccess({ licence: true });
  return access.kind === "ok" ? access.member : null;
}

export async function POST(request: Request) {
  const member = enabled() ? await admin() : null;
  if (!member) return new Response("Not found", { status: 404 });
  const { tag } = (await request.json()) as { tag: string };
  const orgId = member.org.id;
  const actorId = member.user.id;
  const { domains, routings } = await findOrgSettings(orgId);
  const queues = [];
  for (const name of QUEUES) queues.push(await createQueue({ orgId, actorId, name: `${name} ${tag}` }));
  const [{ n }] = await getDb().select({ n: count() }).from(mailbox).where(eq(mailbox.orgId, orgId));
  const ids: string[] = [];
  for (let i = 0; i < member.org.mailboxLimit - n; i++) {
    const routing = routings[i % (routings.length + 1)];
    const m = await createMailbox({
      orgId,
      actorId,
      ...EMPTY_MAILBOX_FIELDS,
      displayName: `${PEOPLE[i % PEOPLE.length]} ${tag} ${i + 1}`,
      localPart: `${PEOPLE[i % PEOPLE.length]
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ".")
        .replace(/^\.|\.$/g, "")}.${tag}.${i + 1}`
        .slice(0, 64)
        .replace(/\.$/, ""),
      domainId: domains[i % domains.length].id,
      smartRoutingId: routing?.id ?? "",
      smartRoutingVersion: routing ? (routing.hasPublished ? "production" : "test") : "",
    });
    ids.push(m.id);
    for (let k = 0; k < 3; k++)
      await linkMailboxToQueue({ orgId, actorId, queueId: queues[(i + k) % queues.length].id, mailboxId: m.id });
  }
  return Response.json({ ids, queueIds: queues.map((q) => q.id) });
}

export async function DELETE(request: Request) {
  const member = enabled() ? await admin() : null;
  if (!member) return new Response("Not found", { status: 404 });
  const { ids, queueIds } = (await request.json()) as { ids: string[]; queueIds: string[] };
  const ctx = { orgId: member.org.id, actorId: member.user.id };
  for (const id of queueIds) await removeQueue({ ...ctx, id }).catch(() => {});
  for (const id of ids) await deleteMailbox({ ...ctx, id }).catch(() => {});
  return Response.json({ ok: true });
}
