// The queue screens' rows as the browser receives them (issue 13, docs/decisions/0009): a client component's
// props are serialised into the page once more beside its HTML, so rows travel as short tuples with only the
// fields the screen shows, and are unpacked into objects in the browser. Used on both sides: no server-only.
import type { AuditEventView } from "@/lib/audit/find-audit-events";
import type { LinkableMailbox } from "./get-queue-or-throw";
import type { QueueLink } from "./find-queue-links";
import type { QueueSummary } from "./find-queues";

/** A mailbox linked to a queue: id, display name, address, active, default, linked at (ms since epoch). */
export type PackedLink = [string, string, string, 0 | 1, 0 | 1, number];
/** A mailbox the queue can still take: id, display name, address, active. */
export type PackedLinkable = [string, string, string, 0 | 1];
/** A queue of the list: id, name, mailbox count, then its default mailbox's display name and address, if any. */
export type PackedQueue = [string, string, number] | [string, string, number, string, string];

export type LinkView = Omit<QueueLink, "linkedAt"> & { linkedAt: Date };
export type QueueRowView = { id: string; name: string; mailboxCount: number; defaultMailbox: { displayName: string; address: string } | null };

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

export const packLinks = (links: QueueLink[]): PackedLink[] =>
  links.map((l) => [l.mailboxId, l.displayName, l.address, bit(l.active), bit(l.isDefault), l.linkedAt.getTime()]);

export const unpackLinks = (rows: PackedLink[]): LinkView[] =>
  rows.map(([mailboxId, displayName, address, active, isDefault, linkedAt]) => ({
    mailboxId,
    displayName,
    address,
    active: active === 1,
    isDefault: isDefault === 1,
    linkedAt: new Date(linkedAt),
  }));

export const packLinkable = (mailboxes: LinkableMailbox[]): PackedLinkable[] =>
  mailboxes.map((m) => [m.id, m.displayName, m.address, bit(m.active)]);

export const unpackLinkable = (rows: PackedLinkable[]): LinkableMailbox[] =>
  rows.map(([id, displayName, address, active]) => ({ id, displayName, address, active: active === 1 }));

export const packQueues = (queues: QueueSummary[]): PackedQueue[] =>
  queues.map((q) => (q.defaultMailbox ? [q.id, q.name, q.mailboxCount, q.defaultMailbox.displayName, q.defaultMailbox.address] : [q.id, q.name, q.mailboxCount]));

export const unpackQueues = (rows: PackedQueue[]): QueueRowView[] =>
  rows.map(([id, name, mailboxCount, displayName, address]) => ({
    id,
    name,
    mailboxCount,
    defaultMailbox: displayName !== undefined && address !== undefined ? { displayName, address } : null,
  }));

/** An event of the queue's history: id, action, field changes, created at (ms since epoch), actor's name. */
export type PackedEvent = [number, string, AuditEventView["changes"], number, string | null];

export const packEvents = (events: AuditEventView[]): PackedEvent[] => events.map((e) => [e.id, e.action, e.changes, e.createdAt.getTime(), e.actorName]);

/** Back into the history's events; every one of them is about `queue` (that is the history they were read for). */
export const unpackEvents = (rows: PackedEvent[], queue: { id: string; name: string }): AuditEventView[] =>
  rows.map(([id, action, changes, createdAt, actorName]) => ({
    id,
    action,
    entityType: "queue",
    entityId: queue.id,
    entityLabel: queue.name,
    changes,
    createdAt: new Date(createdAt),
    actorName,
    actorEmail: null,
  }));
