"use client";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type VisibilityState,
} from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useMemo, useState, type MouseEvent, type PointerEvent } from "react";
import { toast } from "sonner";
import { startNavigationProgress } from "@/components/layout/navigation-progress";
import { formatOrgTime } from "@/lib/format-time";
import { viewSearch, type ListRow, type ListView, type SortKey } from "@/lib/mailboxes/mailbox-list-view";
import { mailboxColumns, SORTABLE } from "./mailbox-columns";
import { MailboxRowMenu } from "./mailbox-row-menu";

/**
 * Shows a value's whole text as a tooltip only where its cell cuts it (the badge's and the time's full words always).
 */
function tooltip(e: PointerEvent<HTMLTableElement>, timeZone: string) {
  const t = e.target as Element;
  const td = t.closest("tbody td");
  if (!(td instanceof HTMLTableCellElement)) return;
  const time = t.closest("time");
  if (time && !time.title) return void (time.title = formatOrgTime(new Date(time.dateTime), timeZone));
  const badge = t.closest<HTMLElement>(".b");
  if (badge) return void (badge.title = badge.textContent ?? "");
  const el =
    t.closest<HTMLElement>(".fr") ?? td.querySelector<HTMLElement>(":scope > code, :scope > span, :scope > a") ?? td;
  if (el.hasAttribute("title")) return;
  const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  const links = el.matches("span")
    ? [...el.querySelectorAll("a")].map((a) =>
        a.classList.contains("d") ? `${a.textContent} (default sender)` : a.textContent,
      )
    : [];
  el.title = !cut ? "" : links.length > 0 ? links.join(", ") : (el.textContent ?? "");
}

/**
 * The CSS that follows the columns' definitions (mailbox-columns.tsx), drawn once for the table: which columns hide
 * below which table width (priorities, a container query), which the admin hid (the chooser), and which the phone
 * card leaves out. Every row's cells stay in column order, so the table's markup never depends on the width.
 */
function columnCss(columns: { id: string; minWidth?: number; card?: boolean }[], hidden: VisibilityState): string {
  const at = (i: number) => `.mbx col:nth-child(${i + 1}),.mbx tr>:nth-child(${i + 1})`;
  const gone = columns.flatMap((c, i) => (hidden[c.id] === false ? [at(i)] : []));
  const rules = gone.length ? [`${gone.join(",")}{display:none}`] : [];
  for (const [i, c] of columns.entries())
    if (c.minWidth) rules.push(`@container (max-width:${c.minWidth - 0.02}px){${at(i)}{display:none}}`);
  const notInCard = columns.flatMap((c, i) => (c.card ? [] : [`.mbx tr>:nth-child(${i + 1})`]));
  rules.push(`@media (max-width:767.98px){${notInCard.join(",")}{display:none}}`);
  return rules.join("");
}

/**
 * S1's rows (issue 18 item 3): a headless @tanstack/react-table inside this one client component, with the columns
 * defined once (mailbox-columns.tsx), sorting handed to the URL (manualSorting: the server sorts), selection as
 * table state (lifted to MailboxesScreen for the bulk bar), widths from one <colgroup>. It is rendered on the server
 * too, so the list reads without JavaScript. A fixed table from 768 px that never scrolls sideways (addresses cut
 * with an ellipsis, whole on hover and while the row has focus), one compact card per mailbox below, same markup.
 * Behaviour is delegated to the table: links navigate in the app, the copy buttons copy, a row's menu (Radix) is
 * mounted when its button is first used.
 */
export function MailboxList(props: {
  rows: ListRow[];
  view: ListView;
  timeZone: string;
  selection: RowSelectionState;
  onSelectionChange: (s: RowSelectionState) => void;
  visibility: VisibilityState;
}) {
  const { rows, view, timeZone } = props;
  const router = useRouter();
  // The row whose menu is mounted, and whether the keyboard opened it (then its first item takes focus).
  const [menu, setMenu] = useState<{ id: string; keyboard: boolean } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const columns = useMemo(
    () =>
      mailboxColumns({
        copied,
        menu: (m, i) =>
          menu?.id === m.id ? (
            <MailboxRowMenu id={m.id} name={m.name} alias={m.alias} defaultOpen focusFirst={menu.keyboard} />
          ) : (
            <button aria-haspopup="menu" aria-labelledby={`mla m${i}`} />
          ),
      }),
    [copied, menu],
  );
  // The table's functions are not memoisable (the React Compiler skips this component): they are used here only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    manualSorting: true,
    enableRowSelection: true,
    state: {
      sorting: [{ id: view.sort, desc: view.dir === "desc" }],
      rowSelection: props.selection,
      columnVisibility: props.visibility,
    },
    onRowSelectionChange: (u) => props.onSelectionChange(typeof u === "function" ? u(props.selection) : u),
  });
  const leaves = table.getAllLeafColumns();
  const css = useMemo(
    () =>
      columnCss(
        leaves.map((c) => ({ id: c.id, ...c.columnDef.meta })),
        props.visibility,
      ),
    [leaves, props.visibility],
  );

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
    if (m && button)
      return button.closest("td:last-child") ? setMenu({ id: m.id, keyboard: e.detail === 0 }) : void copy(m);
    const a = t.closest("a");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // In-app navigation without a Link component per cell (200 of them on a full list); a sort link scrolls nowhere.
    e.preventDefault();
    startNavigationProgress();
    router.push(a.pathname + a.search, { scroll: !a.closest("thead") });
  }

  return (
    <div className="@container">
      <style>{css}</style>
      <table
        className="mbx"
        aria-label="Mailboxes"
        onClick={onClick}
        onPointerOver={(e) => tooltip(e, timeZone)}
        onKeyDown={(e) => {
          // ArrowDown opens a row's menu, as on the menu button it becomes.
          const tr =
            (e.target as Element).closest("td:last-child > button") && (e.target as Element).closest("tbody tr");
          if (e.key === "ArrowDown" && tr) {
            e.preventDefault();
            setMenu({ id: rows[(tr as HTMLTableRowElement).sectionRowIndex].id, keyboard: true });
          }
        }}
      >
        <colgroup>
          {leaves.map((c) => (
            <col key={c.id} style={c.columnDef.meta?.width ? { width: c.columnDef.meta.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const content = flexRender(h.column.columnDef.header, h.getContext());
                if (!SORTABLE.has(h.column.id))
                  return (
                    <th key={h.id} scope="col">
                      {content}
                    </th>
                  );
                const next = sorted === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                  >
                    <a
                      href={`/maker/mailboxes${viewSearch(view, { sort: h.column.id as SortKey, dir: next })}`}
                      className={sorted || undefined}
                    >
                      {content}
                    </a>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.column.id}
                  className={cell.column.accessorFn && cell.getValue() == null ? "x" : undefined}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
