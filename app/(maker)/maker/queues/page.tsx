import type { Metadata } from "next";
import { AccessProblem } from "@/components/auth/access-problem";
import { CreateQueueButton } from "@/components/queues/queue-name-dialog";
import { QueuesTable } from "@/components/queues/queues-table";
import { QueuesSendingNotice } from "@/components/sending/queue-sending-flag";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requirePageAccess } from "@/lib/auth/page-access";
import { findQueues } from "@/lib/queues/find-queues";
import { packQueues } from "@/lib/queues/queue-rows";
import { MAX_QUEUE_MAILBOXES } from "@/lib/queues/schemas";
import { findMailboxesSending } from "@/lib/sending/find-mailboxes-sending";
import { getDb } from "@/db";

export const metadata: Metadata = { title: "Queues" };

export default async function QueuesPage() {
  const access = await requirePageAccess("/maker/queues", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const [queues, sending] = await Promise.all([findQueues(org.id), findMailboxesSending(getDb(), { orgId: org.id })]);
  return (
    <>
      <PageHeader
        title="Queues"
        description={`Distribution queues of ${org.name}. Each queue holds up to ${MAX_QUEUE_MAILBOXES} mailboxes and sends its email from its default mailbox.`}
        actions={<CreateQueueButton />}
      />
      <QueuesSendingNotice queues={queues} sending={sending} />
      <Card
        id="queues"
        title={`${queues.length} ${queues.length === 1 ? "queue" : "queues"}`}
        className="overflow-hidden"
      >
        {queues.length === 0 ? (
          <EmptyState title="No queue yet" action={<CreateQueueButton />}>
            Create a queue, then link the mailboxes whose email it distributes to your agents.
          </EmptyState>
        ) : (
          <div className="-mx-5 -my-4">
            <QueuesTable queues={packQueues(queues)} />
          </div>
        )}
      </Card>
    </>
  );
}
