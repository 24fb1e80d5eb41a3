import { confirmDemoForwardingAction, verifyForwardingAction } from "@/lib/actions/forwarding";
import * as mailboxes from "@/lib/actions/mailboxes";
import { fuzzActions, type Action } from "./run-hostile-input";

// Hostile input (issue 11) over S1's bulk actions, S4's queue removal and forwarding verification.
fuzzActions("mailbox bulk and forwarding actions", [
  ["bulkActivateMailboxes", mailboxes.bulkActivateMailboxesAction as Action, (o) => ({ ids: [o.mailbox] })],
  ["bulkDeactivateMailboxes", mailboxes.bulkDeactivateMailboxesAction as Action, (o) => ({ ids: [o.mailbox] })],
  [
    "bulkLinkMailboxesToQueue",
    mailboxes.bulkLinkMailboxesToQueueAction as Action,
    (o) => ({ ids: [o.mailbox], queueId: o.queue }),
  ],
  [
    "removeMailboxFromQueues",
    mailboxes.removeMailboxFromQueuesAction as Action,
    (o) => ({ id: o.mailbox, queues: [{ queueId: o.queue }] }),
  ],
  ["verifyForwarding", verifyForwardingAction as Action, (o) => ({ mailboxId: o.mailbox })],
  ["confirmDemoForwarding", confirmDemoForwardingAction as Action, (o) => ({ mailboxId: o.mailbox })],
]);
