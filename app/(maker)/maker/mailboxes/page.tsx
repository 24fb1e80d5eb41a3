import type { Metadata } from "next";
import { AccessProblem } from "@/components/auth/access-problem";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Mailboxes" };

export default async function MailboxesPage() {
  const access = await requirePageAccess("/maker/mailboxes", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  return <PageHeader title="Mailboxes" description="Coming in this version." />;
}
