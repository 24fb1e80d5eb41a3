import * as mailboxes from "@/lib/actions/mailboxes";
import { mailboxInput } from "@/tests/mailbox-fixtures";
import { fuzzActions, type Action } from "./run-hostile-input";

// Hostile input (issue 11) over the mailbox actions of S1–S3. Each *.fuzz.test.ts file holds a few actions, so
// that vitest runs them in parallel workers.
fuzzActions("mailbox actions", [
  ["createMailbox", mailboxes.createMailboxAction as Action, (_o, t) => mailboxInput(t, { localPart: "fuzz-new" })],
  [
    "updateMailbox",
    mailboxes.updateMailboxAction as Action,
    (o, t) => ({ ...mailboxInput(t, { localPart: `fuzz-${t.tag}` }), id: o.mailbox, version: 1 }),
  ],
  ["activateMailbox", mailboxes.activateMailboxAction as Action, (o) => ({ id: o.mailbox })],
  ["deactivateMailbox", mailboxes.deactivateMailboxAction as Action, (o) => ({ id: o.mailbox })],
  ["deleteMailbox", mailboxes.deleteMailboxAction as Action, (o) => ({ id: o.mailbox })],
  ["getMailboxVersion", mailboxes.getMailboxVersionAction as Action, (o) => ({ id: o.mailbox })],
]);
