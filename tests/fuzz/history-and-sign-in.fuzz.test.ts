import { signInAction } from "@/lib/actions/sign-in";
import { loadOlderAuditEventsAction, loadOlderInboundMessagesAction } from "@/lib/actions/history";
import { fuzzActions, type Action } from "./run-hostile-input";

// Hostile input (issue 11) over the histories' "Show older" and sign-in.
fuzzActions("history and sign-in actions", [
  [
    "loadOlderAuditEvents",
    loadOlderAuditEventsAction as Action,
    (o) => ({ entityType: "mailbox", entityId: o.mailbox, before: 1, limit: 10 }),
  ],
  [
    "loadOlderInboundMessages",
    loadOlderInboundMessagesAction as Action,
    (o) => ({ mailboxId: o.mailbox, before: o.mailbox, limit: 10 }),
  ],
  [
    "signIn",
    signInAction as Action,
    () => ({ email: "nobody@fuzz.example", password: "not-the-password", next: "/maker/queues" }),
  ],
  // R31: a hostile email/password pair at the limiter too (an address that is over its limit, then a fresh one).
  ["signIn (limited)", signInAction as Action, () => ({ email: "limited@fuzz.example", password: "x".repeat(12) })],
]);
