import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { IconCopyButton } from "@/components/ui/icon-copy-button";
import { formatAgo, formatOrgTime } from "@/lib/format-time";
import { viewSearch, type ListView, type MailboxRow, type SortKey } from "@/lib/mailboxes/mailbox-list-view";
import { MailboxRowMenu } from "./mailbox-row-menu";
import { MailboxStateBadge } from "./mailbox-state-badge";

const COLUMNS: { key: SortKey; label: string; width: string }[] = [
  { key: "displayName", label: "Display name", width: "15%" },
  { key: "address", label: "Address", width: "17%" },
  { key: "alias", label: "Alias", width: "19%" },
  { key: "status", label: "Status", width: "13%" },
  { key: "queues", label: "Queues", width: "15%" },
  { key: "smartRouting", label: "Smart routing", width: "11%" },
  { key: "lastReceived", label: "Last received", width: "10%" },
];

/**
 * S1's rows, rendered on the server as plain markup with short classes (globals.css .mbx): a fixed table from
 * 768 px that never scrolls sideways (long values are cut with an ellipsis and shown whole in a tooltip), one
 * card per mailbox below. Only the copy button and the row menu are client islands; checkboxes are plain inputs
 * that MailboxBulkBar listens to.
 */
export function MailboxList({ rows, view, now, timeZone }: { rows: MailboxRow[]; view: ListView; now: Date; timeZone: string }) {
  return (
    <table className="mbx" aria-label="Mailboxes">
      <colgroup>
        <col style={{ width: 36 }} />
        {COLUMNS.map((c) => <col key={c.key} style={{ width: c.width }} />)}
        <col style={{ width: 44 }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col"><input type="checkbox" data-all className="cb" aria-label="Select all shown mailboxes" /></th>
          {COLUMNS.map((c) => {
            const on = view.sort === c.key;
            const Icon = on ? (view.dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
            return (
              <th key={c.key} scope="col" aria-sort={on ? (view.dir === "asc" ? "ascending" : "descending") : "none"}>
                <Link href={`/maker/mailboxes${viewSearch(view, { sort: c.key, dir: on && view.dir === "asc" ? "desc" : "asc" })}`} scroll={false}>
                  {c.label}
                  <Icon className={on ? "size-3.5 text-slate-900" : "size-3.5 text-slate-400"} aria-hidden />
                </Link>
              </th>
            );
          })}
          <th scope="col"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td><input type="checkbox" name="sel" value={m.id} className="cb" aria-label={`Select ${m.displayName}`} /></td>
            <td title={m.displayName}><Link href={`/maker/mailboxes/${m.id}`} className="n">{m.displayName}</Link></td>
            <td title={m.address}><span className="c2">{m.address}</span></td>
            <td><span className="al"><code>{m.alias}</code><IconCopyButton text={m.alias} label={`Copy alias of ${m.displayName}`} /></span></td>
            <td><MailboxStateBadge active={m.active} health={m.health} lastCustomerMailAt={m.lastCustomerMailAt} now={now} timeZone={timeZone} /></td>
            <td className="q" title={m.queues.map((q) => (q.isDefault ? `${q.name} (default sender)` : q.name)).join(", ") || undefined}>
              {m.queues.length === 0 ? <span className="none">None</span> : <span className="c2">{m.queues.map((q) => (
                <Link key={q.id} href={`/maker/queues/${q.id}`}>{q.isDefault && <><span aria-hidden>★ </span><span className="sr-only">Default sender of </span></>}{q.name}</Link>
              ))}</span>}
            </td>
            <td>
              {m.smartRouting ? <>{m.smartRouting.name} <span className="m">{m.smartRouting.version === "production" ? "Production" : "Test"}</span></> : <span className="none">None</span>}
            </td>
            <td title={m.lastCustomerMailFrom ? `from ${m.lastCustomerMailFrom}` : undefined}>
              {m.lastCustomerMailAt ? <time dateTime={m.lastCustomerMailAt.toISOString()} title={formatOrgTime(m.lastCustomerMailAt, timeZone)}>{formatAgo(m.lastCustomerMailAt, now, timeZone)}</time> : <span className="none">Never</span>}
              {m.lastCustomerMailFrom && <span className="m fr">from {m.lastCustomerMailFrom}</span>}
            </td>
            <td><MailboxRowMenu id={m.id} name={m.displayName} alias={m.alias} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
