import { HEALTH_STATES, healthLabel, type HealthState } from "@/lib/health/mailbox-health";
import type { MailboxListItem } from "./find-mailboxes";

/**
 * S1's view of the list: text filter, status and health filters, sort. It lives in the URL (search params) so
 * the server renders the rows, a reload or a shared link shows the same list, and the CSV export exports it.
 */
export type ListView = {
  q: string;
  status: "all" | "active" | "inactive";
  health: "all" | HealthState;
  sort: SortKey;
  dir: "asc" | "desc";
};
export const SORT_KEYS = ["displayName", "address", "alias", "status", "queues", "smartRouting", "lastReceived"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DEFAULT_VIEW: ListView = { q: "", status: "all", health: "all", sort: "displayName", dir: "asc" };

/** S1's rows: the list items, whose `health` (R29, lib/health) drives the forwarding filter, sort and badge. */
export type MailboxRow = MailboxListItem;

type Params = Record<string, string | string[] | undefined>;
const one = (sp: Params, k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");

export function parseListView(sp: Params): ListView {
  const status = one(sp, "status");
  const health = one(sp, "health");
  const sort = one(sp, "sort") as SortKey;
  return {
    q: one(sp, "q").slice(0, 200),
    status: status === "active" || status === "inactive" ? status : "all",
    health: (HEALTH_STATES as readonly string[]).includes(health) ? (health as HealthState) : "all",
    sort: SORT_KEYS.includes(sort) ? sort : "displayName",
    dir: one(sp, "dir") === "desc" ? "desc" : "asc",
  };
}

/** The search string of a view, without its defaults ("" for the default view). */
export function viewSearch(view: ListView, patch: Partial<ListView> = {}): string {
  const v = { ...view, ...patch };
  const p = new URLSearchParams();
  for (const k of ["q", "status", "health", "sort", "dir"] as const) {
    const value = k === "q" ? v.q.trim() : v[k];
    if (value && value !== DEFAULT_VIEW[k]) p.set(k, value);
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function sortValue(m: MailboxRow, key: SortKey): string | number {
  switch (key) {
    case "status":
      return `${m.active ? 0 : 1}${HEALTH_STATES.indexOf(m.health.state)}`;
    case "queues":
      return m.queues.map((q) => q.name).join(", ");
    case "smartRouting":
      return m.smartRouting?.name ?? "";
    case "lastReceived":
      return m.lastCustomerMailAt?.getTime() ?? 0;
    default:
      return m[key];
  }
}

/** Applies a view to the organisation's mailboxes: the text filter also finds queue and routing names. */
export function applyListView(all: MailboxListItem[], view: ListView): MailboxRow[] {
  const q = fold(view.q.trim());
  const rows = all
    .filter((m) => view.status === "all" || m.active === (view.status === "active"))
    .filter((m) => view.health === "all" || m.health.state === view.health)
    .filter((m) => !q || [m.displayName, m.address, m.alias, m.smartRouting?.name ?? "", ...m.queues.map((x) => x.name)].some((s) => fold(s).includes(q)));
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const sign = view.dir === "desc" ? -1 : 1;
  return rows.sort((a, b) => {
    const x = sortValue(a, view.sort);
    const y = sortValue(b, view.sort);
    const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return sign * c || collator.compare(a.displayName, b.displayName);
  });
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);

/** The filtered list as CSV (RFC 4180, formula-safe): addresses and aliases first, for the provider's forwarding rules. */
export function mailboxesCsv(rows: MailboxRow[]): string {
  const head = ["Display name", "Address", "Alias", "Status", "Forwarding", "Queues", "Default of", "Smart routing", "Last received"];
  const lines = rows.map((m) =>
    [
      m.displayName,
      m.address,
      m.alias,
      m.active ? "Active" : "Inactive",
      healthLabel(m.health),
      m.queues.map((q) => q.name).join("; "),
      m.queues.filter((q) => q.isDefault).map((q) => q.name).join("; "),
      m.smartRouting ? `${m.smartRouting.name} (${m.smartRouting.version === "production" ? "Production" : "Test"})` : "",
      m.lastCustomerMailAt?.toISOString() ?? "",
    ].map(csvCell).join(","),
  );
  return [head.join(","), ...lines].join("\r\n") + "\r\n";
}
