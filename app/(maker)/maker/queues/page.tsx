import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { AccessProblem } from "@/components/auth/access-problem";
import { QueueNameDialog } from "@/components/queues/queue-name-dialog";
import { QueuesTable } from "@/components/queues/queues-table";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { requirePageAccess } from "@/lib/auth/page-access";
import { findQueues } from "@/lib/queues/find-queues";
import { MAX_QUEUE_MAILBOXES } from "@/lib/queues/schemas";

export const metadata: Metadata = { title: "Queues" };

export default async function QueuesPage() {
  const access = await requirePageAccess("/maker/queues", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const queues = await findQueues(org.id);
  const createButton = (
    <QueueNameDialog
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden />
          Create queue
        </Button>
      }
    />
  );
  return (
    <>
      <PageHeader
        title="Queues"
        description={`Distribution queues of ${org.name}. Each queue holds up to ${MAX_QUEUE_MAILBOXES} mailboxes and sends its email from its default mailbox.`}
        actions={createButton}
      />
      <Card id="queues" title={`${queues.length} ${queues.length === 1 ? "queue" : "queues"}`} className="overflow-hidden">
        {queues.length === 0 ? (
          <EmptyState title="No queue yet" action={createButton}>
            Create a queue, then link the mailboxes whose email it distributes to your agents.
          </EmptyState>
        ) : (
          <div className="-mx-5 -my-4">
            <QueuesTable queues={queues} />
          </div>
        )}
      </Card>
    </>
  );
}
