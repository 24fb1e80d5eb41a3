import { formatAgo, formatOrgTime } from "@/lib/format-time";
import {
  HEALTH_STATES,
  STATE_CODES,
  type HealthState,
  type MailboxHealth,
  type StateCode,
} from "@/lib/mailbox-state/derive-mailbox-state";
import { badgeState, stateDetail, stateLabel } from "@/lib/mailbox-state/state-map";
import { rowCodec, type PackedRow } from "@/lib/rows/row-codec";
import type { MailboxListItem } from "./find-mailboxes";
import { mailboxAddress } from "@/lib/address";

/**
 * S1's view of the list: text filter, status and health filters, sort. It lives in the URL (search params) so
 * the server renders the rows, a reload or a shared link shows the same list, and the CSV export exports it.
 */
export type ListView = {
  q: string;
  status: "all" | "active" | "inactive";
  health: "all" | HealthState;
  /** H1 (R36): whether the platform may send as the mailbox (its domain's DKIM record verified at the last check). */
  sending: "all" | "ready" | "cannot";
  sort: SortKey;
  dir: "asc" | "desc";
};
export const SORT_KEYS = [
  "displayName",
  "address",
  "alias",
  "status",
  "queues",
  "smartRouting",
  "lastReceived",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DEFAULT_VIEW: ListView = {
  q: "",
  status: "all",
  health: "all",
  sending: "all",
  sort: "displayName",
  dir: "asc",
};

/** S1's rows: the list items, whose `health` (R29, lib/health) drives the forwarding filter, sort and badge. */
export type MailboxRow = MailboxListItem;

type Params = Record<string, string | string[] | undefined>;
const one = (sp: Params, k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");

export function parseListView(sp: Params): ListView {
  const status = one(sp, "status");
  const health = one(sp, "health");
  const sending = one(sp, "sending");
  const sort = one(sp, "sort") as SortKey;
  return {
    q: one(sp, "q").slice(0, 200),
    status: status === "active" || status === "inactive" ? status : "all",
    health: (HEALTH_STATES as readonly string[]).includes(health) ? (health as HealthState) : "all",
    sending: sending === "ready" || sending === "cannot" ? sending : "all",
    sort: SORT_KEYS.includes(sort) ? sort : "displayName",
    dir: one(sp, "dir") === "desc" ? "desc" : "asc",
  };
}

/** The search string of a view, without its defaults ("" for the default view). */
export function viewSearch(view: ListView, patch: Partial<ListView> = {}): string {
  const v = { ...view, ...patch };
  const p = new URLSearchParams();
  for (const k of ["q", "status", "health", "sending", "sort", "dir"] as const) {
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
      return `${m.active ? 0 : 1}${HEALTH_STATES.indexOf(m.health.state)}${STATE_CODES.indexOf(m.health.code)}`;
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

/**
 * Applies a view to the organisation's mailboxes: the text filter also finds queue and routing names. The sending
 * filter needs `cannotSend`, the ids of the mailboxes the platform may not send as (lib/sending's
 * findMailboxesSending, read by the page: lib/mailboxes does not import lib/sending, which imports it).
 */
export function applyListView(
  all: MailboxListItem[],
  view: ListView,
  cannotSend: ReadonlySet<string> = new Set(),
): MailboxRow[] {
  const q = fold(view.q.trim());
  const rows = all
    .filter((m) => view.status === "all" || m.active === (view.status === "active"))
    .filter((m) => view.health === "all" || m.health.state === view.health)
    .filter((m) => view.sending === "all" || cannotSend.has(m.id) === (view.sending === "cannot"))
    .filter(
      (m) =>
        !q ||
        [m.displayName, m.address, m.alias, m.smartRouting?.name ?? "", ...m.queues.map((x) => x.name)].some((s) =>
          fold(s).includes(q),
        ),
    );
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const sign = view.dir === "desc" ? -1 : 1;
  return rows.sort((a, b) => {
    const x = sortValue(a, view.sort);
    const y = sortValue(b, view.sort);
    const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return sign * c || collator.compare(a.displayName, b.displayName);
  });
}

const csvCell = (s: string) =>
  /[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;

/**
 * The filtered list as CSV (RFC 4180, formula-safe): addresses and aliases first, for the provider's forwarding rules.
 */
export function mailboxesCsv(rows: MailboxRow[]): string {
  const head = [
    "Display name",
    "Address",
    "Alias",
    "Status",
    "Forwarding",
    "Queues",
    "Default of",
    "Smart routing",
    "Last received",
  ];
  const lines = rows.map((m) =>
    [
      m.displayName,
      m.address,
      m.alias,
      m.active ? "Active" : "Inactive",
      stateLabel(m.health),
      m.queues.map((q) => q.name).join("; "),
      m.queues
        .filter((q) => q.isDefault)
        .map((q) => q.name)
        .join("; "),
      m.smartRouting
        ? `${m.smartRouting.name} (${m.smartRouting.version === "production" ? "Production" : "Test"})`
        : "",
      m.lastCustomerMailAt?.toISOString() ?? "",
    ]
      .map(csvCell)
      .join(","),
  );
  return [head.join(","), ...lines].join("\r\n") + "\r\n";
}

/**
 * A mailbox's state in ONE badge (lib/mailbox-state): its code, and `detail` completing the words for screen readers
 * and the tooltip where there is more to say (the cause; customer mail arriving as evidence, R26).
 */
export function mailboxState(
  m: { health: MailboxHealth; lastCustomerMailAt: Date | null },
  now: Date,
  timeZone: string,
): { code: StateCode; detail: string } {
  const detail = stateDetail(m.health, {
    now,
    time: (d) => formatOrgTime(d, timeZone),
    lastCustomerMailAt: m.lastCustomerMailAt,
    timeZone,
  });
  return { code: m.health.code, detail };
}

/**
 * S1's rows as the browser gets them, ONCE: arrays of values through the one row codec (lib/rows/row-codec.ts,
 * issue 13, decision 0008). Queues are listed once and rows refer to them by index (a default sender's link as
 * -index-1); aliases share one domain; the state travels as its index in STATE_CODES.
 */
type WireRow = {
  id: string;
  name: string;
  address: string;
  aliasLocal: string;
  state: number;
  detail: string;
  queues: number[];
  routing: string | null;
  routingTest: boolean;
  /** ms since epoch, 0 for never */
  lastAt: number;
  lastAgo: string;
  lastFrom: string;
};
const wire = rowCodec<WireRow>([
  ["id", "value"],
  ["name", "value"],
  ["address", "value"],
  ["aliasLocal", "value"],
  ["state", "value"],
  ["detail", "value"],
  ["queues", "value"],
  ["routing", "optional"],
  ["routingTest", "bool"],
  ["lastAt", "value"],
  ["lastAgo", "value"],
  ["lastFrom", "value"],
]);
export type ListData = { queues: [id: string, name: string][]; aliasDomain: string; rows: PackedRow[] };

export type ListRow = {
  id: string;
  name: string;
  address: string;
  alias: string;
  state: StateCode;
  /** The badge's state (components/mailbox-state): its code, and the address it names after a change (R25). */
  health: Pick<MailboxHealth, "code" | "cause">;
  detail: string;
  queues: { id: string; name: string; isDefault: boolean }[];
  routing: { name: string; version: "production" | "test" } | null;
  last: { at: number; ago: string; from: string } | null;
};

export function packListData(
  rows: MailboxRow[],
  queues: { id: string; name: string }[],
  now: Date,
  timeZone: string,
): ListData {
  const qs: ListData["queues"] = queues.map((q) => [q.id, q.name]);
  const index = new Map(queues.map((q, i) => [q.id, i]));
  const qi = (q: { id: string; name: string }) =>
    index.get(q.id) ?? (index.set(q.id, qs.length), qs.push([q.id, q.name]), qs.length - 1);
  const domainOf = (a: string) => a.slice(a.indexOf("@") + 1);
  const aliasDomain =
    rows.length > 0 && rows.every((m) => domainOf(m.alias) === domainOf(rows[0].alias)) ? domainOf(rows[0].alias) : "";
  return {
    queues: qs,
    aliasDomain,
    rows: wire.pack(
      rows.map((m) => {
        const { code, detail } = mailboxState(m, now, timeZone);
        return {
          id: m.id,
          name: m.displayName,
          address: m.address,
          aliasLocal: aliasDomain ? m.alias.slice(0, m.alias.indexOf("@")) : m.alias,
          state: STATE_CODES.indexOf(code),
          detail,
          queues: m.queues.map((q) => (q.isDefault ? -qi(q) - 1 : qi(q))),
          routing: m.smartRouting?.name ?? null,
          routingTest: m.smartRouting?.version === "test",
          lastAt: m.lastCustomerMailAt?.getTime() ?? 0,
          lastAgo: m.lastCustomerMailAt ? formatAgo(m.lastCustomerMailAt, now, timeZone) : "",
          lastFrom: m.lastCustomerMailFrom ?? "",
        };
      }),
    ),
  };
}

export function unpackListData(data: ListData): ListRow[] {
  return wire
    .unpack(data.rows)
    .map(
      ({ id, name, address, aliasLocal, state, detail, queues, routing, routingTest, lastAt, lastAgo, lastFrom }) => ({
        id,
        name,
        address,
        alias: data.aliasDomain ? mailboxAddress(aliasLocal, data.aliasDomain) : aliasLocal,
        state: STATE_CODES[state],
        // After an address change the badge names the current address (R25): the row's own address.
        health: badgeState(STATE_CODES[state], address),
        detail,
        queues: queues.map((k) => {
          const [qid, qname] = data.queues[k < 0 ? -k - 1 : k];
          return { id: qid, name: qname, isDefault: k < 0 };
        }),
        routing: routing === null ? null : { name: routing, version: routingTest ? "test" : "production" },
        last: lastAt === 0 ? null : { at: lastAt, ago: lastAgo, from: lastFrom },
      }),
    );
}
