import type { Metadata } from "next";
import { AccessProblem } from "@/components/auth/access-problem";
import { MailboxesScreen } from "@/components/mailboxes/mailboxes-screen";
import { requirePageAccess } from "@/lib/auth/page-access";
import { getDb } from "@/db";
import { findMailboxesCannotSend } from "@/lib/sending/find-mailboxes-sending";
import { applyListView, packListData, parseListView } from "@/lib/mailboxes/mailbox-list-view";
import { loadMailboxesPage } from "@/lib/mailboxes/load-mailboxes-page";

export const metadata: Metadata = { title: "Mailboxes" };

// S1 (decision 0008): the server reads, filters and sorts; the browser gets the rows' data once, compactly.
export default async function MailboxesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess("/maker/mailboxes", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org, user } = access.member;
  const [{ mailboxes, domainCount, queues, hidden }, sp] = await Promise.all([
    loadMailboxesPage(org.id, user.id),
    searchParams,
  ]);
  const view = parseListView(sp);
  const cannotSend = view.sending === "all" ? undefined : await findMailboxesCannotSend(getDb(), org.id);
  const data = packListData(applyListView(mailboxes, view, cannotSend), queues, new Date(), org.timezone);
  return (
    <MailboxesScreen
      data={data}
      view={view}
      total={mailboxes.length}
      limit={org.mailboxLimit}
      domainCount={domainCount}
      timeZone={org.timezone}
      hidden={hidden}
    />
  );
}
