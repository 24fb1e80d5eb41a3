// The queue screens' rows as the browser receives them (issue 13, docs/decisions/0009): a client component's
// props are serialised into the page once more beside its HTML, so rows travel as short tuples with only the
// fields the screen shows, and are unpacked into objects in the browser. Used on both sides: no server-only.
import type { AuditEventView } from "@/lib/audit/find-audit-events";
import type { LinkableMailbox } from "./get-queue-or-throw";
import type { QueueLink } from "./find-queue-links";
import type { QueueSummary } from "./find-queues";
import { rowCodec, type PackedRow } from "@/lib/rows/row-codec";

/** The rows in their packed form (lib/rows/row-codec.ts): arrays of their values, in the codec's field order. */
export type PackedLink = PackedRow;
export type PackedLinkable = PackedRow;
export type PackedQueue = PackedRow;
export type PackedEvent = PackedRow;

export type LinkView = Omit<QueueLink, "linkedAt"> & { linkedAt: Date };
export type QueueRowView = {
  id: string;
  name: string;
  mailboxCount: number;
  defaultMailbox: { displayName: string; address: string } | null;
};

/** A mailbox linked to a queue: id, display name, address, active, default, linked at. */
const links = rowCodec<LinkView>([
  ["mailboxId", "value"],
  ["displayName", "value"],
  ["address", "value"],
  ["active", "bool"],
  ["isDefault", "bool"],
  ["linkedAt", "date"],
]);
export const packLinks = (rows: QueueLink[]): PackedLink[] => links.pack(rows);
export const unpackLinks = links.unpack;

/** A mailbox the queue can still take: id, display name, address, active. */
const linkable = rowCodec<LinkableMailbox>([
  ["id", "value"],
  ["displayName", "value"],
  ["address", "value"],
  ["active", "bool"],
]);
export const packLinkable = linkable.pack;
export const unpackLinkable = linkable.unpack;

/** A queue of the list: id, name, mailbox count, its default mailbox (or 0). */
const queues = rowCodec<QueueRowView>([
  ["id", "value"],
  ["name", "value"],
  ["mailboxCount", "value"],
  ["defaultMailbox", "optional"],
]);
export const packQueues = (rows: QueueSummary[]): PackedQueue[] =>
  queues.pack(
    rows.map((q) => ({
      id: q.id,
      name: q.name,
      mailboxCount: q.mailboxCount,
      defaultMailbox: q.defaultMailbox && {
        displayName: q.defaultMailbox.displayName,
        address: q.defaultMailbox.address,
      },
    })),
  );
export const unpackQueues = queues.unpack;

/** An event of the queue's history: id, action, field changes, created at, actor's name. */
type EventFields = Pick<AuditEventView, "id" | "action" | "changes" | "createdAt" | "actorName">;
const events = rowCodec<EventFields>([
  ["id", "value"],
  ["action", "value"],
  ["changes", "value"],
  ["createdAt", "date"],
  ["actorName", "value"],
]);
export const packEvents = (rows: AuditEventView[]): PackedEvent[] => events.pack(rows);

/** Back into the history's events; every one of them is about `queue` (that is the history they were read for). */
export const unpackEvents = (rows: PackedEvent[], queue: { id: string; name: string }): AuditEventView[] =>
  events
    .unpack(rows)
    .map((e) => ({ ...e, entityType: "queue", entityId: queue.id, entityLabel: queue.name, actorEmail: null }));
