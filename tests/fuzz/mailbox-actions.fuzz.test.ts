import { confirmDemoForwardingAction, verifyForwardingAction } from "@/app/(maker)/maker/mailboxes/[id]/forwarding-actions";
import * as mailboxes from "@/app/(maker)/maker/mailboxes/actions";
import { mailboxInput } from "@/tests/mailbox-fixtures";
import { fuzzActions, type Action } from "./run-hostile-input";

// Hostile input (issue 11) over the mailbox actions (S1–S4); the queue and settings actions have files of their own.
fuzzActions("mailbox actions", [
  ["createMailbox", mailboxes.createMailboxAction as Action, (_o, t) => mailboxInput(t, { localPart: "fuzz-new" })],
  ["updateMailbox", mailboxes.updateMailboxAction as Action, (o, t) => ({ ...mailboxInput(t, { localPart: `fuzz-${t.tag}` }), id: o.mailbox, version: 1 })],
  ["activateMailbox", mailboxes.activateMailboxAction as Action, (o) => ({ id: o.mailbox })],
  ["deactivateMailbox", mailboxes.deactivateMailboxAction as Action, (o) => ({ id: o.mailbox })],
  ["deleteMailbox", mailboxes.deleteMailboxAction as Action, (o) => ({ id: o.mailbox })],
  ["verifyForwarding", verifyForwardingAction as Action, (o) => ({ mailboxId: o.mailbox })],
  ["confirmDemoForwarding", confirmDemoForwardingAction as Action, (o) => ({ mailboxId: o.mailbox })],
  ["getMailboxVersion", mailboxes.getMailboxVersionAction as Action, (o) => ({ id: o.mailbox })],
  ["bulkSetMailboxesActive", mailboxes.bulkSetMailboxesActiveAction as Action, (o) => ({ ids: [o.mailbox], active: false })],
  ["bulkLinkMailboxesToQueue", mailboxes.bulkLinkMailboxesToQueueAction as Action, (o) => ({ ids: [o.mailbox], queueId: o.queue })],
  ["removeMailboxFromQueues", mailboxes.removeMailboxFromQueuesAction as Action, (o) => ({ id: o.mailbox, queues: [{ queueId: o.queue }] })],
]);
