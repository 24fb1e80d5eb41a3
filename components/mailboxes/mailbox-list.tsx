"use client";
import { useRouter } from "next/navigation";
import { useState, type MouseEvent, type PointerEvent } from "react";
import { toast } from "sonner";
import { formatOrgTime } from "@/lib/format-time";
import { MailboxStateBadge } from "@/components/mailbox-state/mailbox-state-badge";
import { viewSearch, type ListRow, type ListView, type SortKey } from "@/lib/mailboxes/mailbox-list-view";
import { MailboxRowMenu } from "./mailbox-row-menu";

// Column widths are in globals.css (.mbx th:nth-child), with the rest of the table's look.
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "displayName", label: "Display name" },
  { key: "address", label: "Address" },
  { key: "alias", label: "Alias" },
  { key: "status", label: "Status" },
  { key: "queues", label: "Queues" },
  { key: "smartRouting", label: "Smart routing" },
  { key: "lastReceived", label: "Last received" },
];

/** Shows a value's whole text as a tooltip only where its cell cuts it (the badge's and the time's full words always). */
function tooltip(e: PointerEvent<HTMLTableElement>, timeZone: string) {
  const t = e.target as Element;
  const td = t.closest("tbody td");
  if (!(td instanceof HTMLTableCellElement)) return;
  const time = t.closest("time");
  if (time && !time.title) return void (time.title = formatOrgTime(new Date(time.dateTime), timeZone));
  const badge = t.closest<HTMLElement>(".b");
  if (badge) return void (badge.title = badge.textContent ?? "");
  const el = t.closest<HTMLElement>(".fr") ?? (td.cellIndex === 3 ? td.querySelector("code") : td.cellIndex === 1 ? td.querySelector("a") : (td.firstElementChild as HTMLElement | null) ?? td);
  if (!el || el.hasAttribute("title")) return;
  const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  const links = td.cellIndex === 5 ? [...el.querySelectorAll("a")].map((a) => (a.classList.contains("d") ? `${a.textContent} (default sender)` : a.textContent)) : [];
  el.title = !cut ? "" : links.length > 0 ? links.join(", ") : (el.textContent ?? "");
}

/**
 * S1's rows: ONE client component that gets the rows' data once, compactly (ListData), and renders lean markup:
 * short classes defined once in globals.css (.mbx), no text twice, no island per row. It is rendered on the
 * server too, so the list reads without JavaScript. A fixed table from 768 px that never scrolls sideways (long
 * values cut, whole in a tooltip), one card per mailbox below, same markup. Behaviour is delegated to the table:
 * links navigate in the app, the copy buttons copy, a row's menu (Radix) is mounted when its button is first used.
 * Checkboxes are plain inputs, in row order; MailboxBulkBar reads them.
 */
export function MailboxList({ rows, view, timeZone }: { rows: ListRow[]; view: ListView; timeZone: string }) {
  const router = useRouter();
  // The row whose menu is mounted, and whether the keyboard opened it (then its first item takes focus).
  const [menu, setMenu] = useState<{ id: string; keyboard: boolean } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  async function copy(m: ListRow) {
    try {
      await navigator.clipboard.writeText(m.alias);
      setCopied(m.id);
      toast.success(`Copied ${m.alias}`);
      setTimeout(() => setCopied((c) => (c === m.id ? null : c)), 2000);
    } catch {
      toast(`Copy it by hand: ${m.alias}`, { duration: 10000 });
    }
  }

  function onClick(e: MouseEvent<HTMLTableElement>) {
    const t = e.target as Element;
    const tr = t.closest("tbody tr") as HTMLTableRowElement | null;
    const m = tr ? rows[tr.sectionRowIndex] : undefined;
    const button = t.closest("td > button");
    if (m && button) return button.closest("td:last-child") ? setMenu({ id: m.id, keyboard: e.detail === 0 }) : void copy(m);
    const a = t.closest("a");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // In-app navigation without a Link component per cell (200 of them on a full list).
    e.preventDefault();
    router.push(a.pathname + a.search, { scroll: !a.closest("thead") });
  }

  return (
    <table className="mbx" aria-label="Mailboxes" onClick={onClick} onPointerOver={(e) => tooltip(e, timeZone)}
      onKeyDown={(e) => {
        // ArrowDown opens a row's menu, as on the menu button it becomes.
        const tr = (e.target as Element).closest("td:last-child > button") && (e.target as Element).closest("tbody tr");
        if (e.key === "ArrowDown" && tr) {
          e.preventDefault();
          setMenu({ id: rows[(tr as HTMLTableRowElement).sectionRowIndex].id, keyboard: true });
        }
      }}>
      <thead>
        <tr>
          <th scope="col">
            <input type="checkbox" data-all aria-label="Select all shown mailboxes" />
            {/* Words shared by every row's controls (aria-labelledby), instead of repeating them 50 times. */}
            <span id="mls" hidden>Select</span>
            <span id="mlc" hidden>Copy alias of</span>
            <span id="mla" hidden>Actions for</span>
          </th>
          {COLUMNS.map((c) => {
            const on = view.sort === c.key;
            return (
              <th key={c.key} scope="col" aria-sort={on ? (view.dir === "asc" ? "ascending" : "descending") : undefined}>
                <a href={`/maker/mailboxes${viewSearch(view, { sort: c.key, dir: on && view.dir === "asc" ? "desc" : "asc" })}`} className={on ? view.dir : undefined}>
                  {c.label}
                </a>
              </th>
            );
          })}
          <th scope="col"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m, i) => (
          <tr key={m.id}>
            <td><input type="checkbox" aria-labelledby={`mls m${i}`} /></td>
            <td><a id={`m${i}`} href={`/maker/mailboxes/${m.id}`}>{m.name}</a></td>
            <td><span>{m.address}</span></td>
            <td><code>{m.alias}</code><button className={copied === m.id ? "ok" : undefined} aria-labelledby={`mlc m${i}`} /></td>
            <td><MailboxStateBadge health={m.health} detail={m.detail} /></td>
            {/* queue links are relative ("queues/<id>" from /maker/mailboxes): 150 of them, 7 bytes each saved */}
            {m.queues.length === 0 ? <td className="x">None</td> : (
              <td><span>{m.queues.map((q) => <a key={q.id} className={q.isDefault ? "d" : undefined} href={`queues/${q.id}`}>{q.name}</a>)}</span></td>
            )}
            {m.routing ? <td>{`${m.routing.name} `}<span className="m">{m.routing.version === "production" ? "Production" : "Test"}</span></td> : <td className="x">None</td>}
            {m.last ? (
              <td><time dateTime={new Date(m.last.at).toISOString()}>{m.last.ago}</time>{m.last.from && <span className="m fr">{`from ${m.last.from}`}</span>}</td>
            ) : <td className="x">Never</td>}
            <td>{menu?.id === m.id ? <MailboxRowMenu id={m.id} name={m.name} alias={m.alias} defaultOpen focusFirst={menu.keyboard} /> : <button aria-haspopup="menu" aria-labelledby={`mla m${i}`} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
