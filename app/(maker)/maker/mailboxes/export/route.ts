import { getMakerAccess } from "@/lib/auth/guard";
import { getDb } from "@/db";
import { findMailboxesCannotSend } from "@/lib/sending/find-mailboxes-sending";
import { applyListView, mailboxesCsv, parseListView } from "@/lib/mailboxes/mailbox-list-view";
import { findMailboxes } from "@/lib/mailboxes/find-mailboxes";

/** S1's "Export CSV": the list as filtered on screen (same search params), for admins with the licence (R18). */
export async function GET(request: Request) {
  const access = await getMakerAccess({ licence: true });
  if (access.kind !== "ok") return new Response("Not allowed.", { status: access.kind === "signed-out" ? 401 : 403 });
  const view = parseListView(Object.fromEntries(new URL(request.url).searchParams));
  const orgId = access.member.org.id;
  const cannotSend = view.sending === "all" ? undefined : await findMailboxesCannotSend(getDb(), orgId);
  const rows = applyListView(await findMailboxes(orgId), view, cannotSend);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(mailboxesCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="mailboxes-${access.member.org.slug}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
