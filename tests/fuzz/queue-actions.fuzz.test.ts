import { loadOlderAuditEventsAction, loadOlderInboundMessagesAction } from "@/app/(maker)/maker/history-actions";
import * as queues from "@/app/(maker)/maker/queues/actions";
import { fuzzActions, type Action } from "./run-hostile-input";

// Hostile input (issue 11) over the queue actions and the histories' "Show older".
fuzzActions("queue and history actions", [
  ["createQueue", queues.createQueueAction as Action, () => ({ name: "Fuzz queue" })],
  ["renameQueue", queues.renameQueueAction as Action, (o) => ({ id: o.queue, name: "Fuzz renamed" })],
  ["removeQueue", queues.removeQueueAction as Action, (o) => ({ id: o.queue })],
  ["linkMailbox", queues.linkMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
  ["unlinkMailbox", queues.unlinkMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
  ["setDefaultMailbox", queues.setDefaultMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
  ["loadOlderAuditEvents", loadOlderAuditEventsAction as Action, (o) => ({ entityType: "mailbox", entityId: o.mailbox, before: 1, limit: 10 })],
  ["loadOlderInboundMessages", loadOlderInboundMessagesAction as Action, (o) => ({ mailboxId: o.mailbox, before: o.mailbox, limit: 10 })],
]);
