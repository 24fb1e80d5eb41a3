import "server-only";
import { cache } from "react";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { getQueueOrThrow } from "./get-queue-or-throw";

/**
 * Everything a queue's page shows (S5): the queue with its mailboxes, the mailboxes it can still take, and
 * its history. Two queries, run together, whatever the number of mailboxes (bench/queues.ts counts them).
 * Cached per request: the page and its <title> share one load.
 */
export const loadQueuePage = cache(async (orgId: string, id: string) => {
  const [queue, events] = await Promise.all([
    getQueueOrThrow(orgId, id),
    findAuditEvents({ orgId, entityType: "queue", entityId: id, limit: 20 }),
  ]);
  return { queue, linkable: queue.linkable, events: events.items, moreEvents: events.hasOlder };
});
