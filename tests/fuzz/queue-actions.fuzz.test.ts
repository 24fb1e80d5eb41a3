import * as queues from "@/lib/actions/queues";
import { fuzzActions, type Action } from "./run-hostile-input";

// Hostile input (issue 11) over the queue actions.
fuzzActions("queue actions", [
  ["createQueue", queues.createQueueAction as Action, () => ({ name: "Fuzz queue" })],
  ["renameQueue", queues.renameQueueAction as Action, (o) => ({ id: o.queue, name: "Fuzz renamed" })],
  ["removeQueue", queues.removeQueueAction as Action, (o) => ({ id: o.queue })],
  ["linkMailbox", queues.linkMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
  ["unlinkMailbox", queues.unlinkMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
  ["setDefaultMailbox", queues.setDefaultMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
]);
