import type { Metadata } from "next";
import { AccessProblem } from "@/components/auth/access-problem";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Queues" };

export default async function QueuesPage() {
  const access = await requirePageAccess("/maker/queues", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  return <PageHeader title="Queues" description="Coming in this version." />;
}
