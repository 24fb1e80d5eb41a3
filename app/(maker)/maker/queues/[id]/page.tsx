import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessProblem } from "@/components/auth/access-problem";
import { QueueHistory } from "@/components/queues/queue-history";
import { QueueMailboxesCard } from "@/components/queues/queue-mailboxes-card";
import { RenameQueueButton } from "@/components/queues/queue-name-dialog";
import { RemoveQueueDialog } from "@/components/queues/remove-queue-dialog";
import { QueueSendingFlag } from "@/components/sending/queue-sending-flag";
import { Card, PageHeader } from "@/components/ui/card";
import { getCurrentMember } from "@/lib/auth/guard";
import { requirePageAccess } from "@/lib/auth/page-access";
import { AppError } from "@/lib/errors";
import { findOrgHealthFacts } from "@/lib/health/find-org-health-facts";
import { loadQueuePage } from "@/lib/queues/load-queue-page";
import { packEvents, packLinkable, packLinks } from "@/lib/queues/queue-rows";
import { idSchema } from "@/lib/validation";
import { findMailboxesSending } from "@/lib/sending/find-mailboxes-sending";
import { getDb } from "@/db";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, member] = await Promise.all([params, getCurrentMember()]);
  if (!member || member.role !== "admin" || !member.org.smartLicence || !idSchema.safeParse(id).success)
    return { title: "Queue" };
  const data = await loadQueuePage(member.org.id, id).catch(() => null);
  return { title: data ? `Queue ${data.queue.name}` : "Queue not found" };
}

export default async function QueuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageAccess(`/maker/queues/${id}`, { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  if (!idSchema.safeParse(id).success) notFound();
  let data: Awaited<ReturnType<typeof loadQueuePage>>;
  try {
    data = await loadQueuePage(access.member.org.id, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const { queue, linkable, events, moreEvents } = data;
  const def = queue.mailboxes.find((m) => m.isDefault);
  // Each linked mailbox's one state (lib/mailbox-state), from the health facts the layout's banner already read.
  const linked = new Set(queue.mailboxes.map((m) => m.mailboxId));
  const states = Object.fromEntries(
    (await findOrgHealthFacts(access.member.org.id))
      .filter((h) => linked.has(h.mailboxId))
      .map((h) => [h.mailboxId, h.health.code]),
  );
  const sending = def
    ? await findMailboxesSending(getDb(), { orgId: access.member.org.id, mailboxIds: [def.mailboxId] })
    : null;
  // One object for every island that needs the queue: the page's payload carries it once and refers to it.
  const q = { id: queue.id, name: queue.name };
  return (
    <>
      <PageHeader
        breadcrumb={
          <nav aria-label="Breadcrumb">
            <ol className="flex items-center gap-1 text-sm text-slate-500">
              <li>
                <Link href="/maker/queues" className="hover:text-slate-800 hover:underline">
                  Queues
                </Link>
              </li>
              <li aria-hidden className="qi qi-chev" />
              <li aria-current="page" className="font-medium text-slate-700">
                {queue.name}
              </li>
            </ol>
          </nav>
        }
        title={queue.name}
        description={
          def ? (
            <>
              Email from this queue is sent as <span className="font-medium text-slate-800">{def.displayName}</span>{" "}
              &lt;{def.address}&gt;.
            </>
          ) : (
            "This queue has no mailbox yet, so it cannot send email. Add one below."
          )
        }
        actions={
          <>
            <RenameQueueButton queue={q} />
            <RemoveQueueDialog
              queue={{ id: queue.id, name: queue.name, mailboxCount: queue.mailboxes.length }}
              redirectTo="/maker/queues"
            />
          </>
        }
      />
      <QueueSendingFlag
        sending={def && sending?.get(def.mailboxId)}
        orgSlug={access.member.org.slug}
        timeZone={access.member.org.timezone}
      />
      <div className="space-y-6">
        <QueueMailboxesCard
          queue={q}
          links={packLinks(queue.mailboxes)}
          linkable={packLinkable(linkable)}
          states={states}
        />
        <Card id="history" title="History" description="Changes to this queue and its mailboxes, newest first.">
          <QueueHistory queue={q} events={packEvents(events)} more={moreEvents} />
        </Card>
      </div>
    </>
  );
}
