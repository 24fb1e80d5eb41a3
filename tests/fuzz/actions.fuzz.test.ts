import fc from "fast-check";
import { describe, expect, it, beforeAll } from "vitest";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { loadOlderAuditEventsAction, loadOlderInboundMessagesAction } from "@/app/(maker)/maker/history-actions";
import { confirmDemoForwardingAction, verifyForwardingAction } from "@/app/(maker)/maker/mailboxes/[id]/forwarding-actions";
import * as mailboxes from "@/app/(maker)/maker/mailboxes/actions";
import * as queues from "@/app/(maker)/maker/queues/actions";
import * as settings from "@/app/(maker)/maker/settings/actions";
import { createTestOrg, signInAs, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox, insertTestQueueLink, mailboxInput } from "@/tests/mailbox-fixtures";
import { RUNS_PER_ACTION, fingerprint, hostileInput } from "./hostile-input";

// A hostile-input run over every server action (issue 11): generated inputs of the wrong type, huge, with
// control characters, with forged ids and with another organisation's ids. Each call must end in a result
// (never a throw), never in an unexpected server error, and every refusal must leave both organisations'
// data exactly as it was. The other organisation's data must never change at all.

type Action = (input: never) => Promise<unknown>;
type Ids = { mailbox: string; queue: string; domain: string; routing: string };

// Each action with a valid input of the signed-in organisation, from which the generator makes hostile ones.
const ACTIONS: [string, Action, (own: Ids, t: TestOrg) => Record<string, unknown>][] = [
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
  ["createQueue", queues.createQueueAction as Action, () => ({ name: "Fuzz queue" })],
  ["renameQueue", queues.renameQueueAction as Action, (o) => ({ id: o.queue, name: "Fuzz renamed" })],
  ["removeQueue", queues.removeQueueAction as Action, (o) => ({ id: o.queue })],
  ["linkMailbox", queues.linkMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
  ["unlinkMailbox", queues.unlinkMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
  ["setDefaultMailbox", queues.setDefaultMailboxAction as Action, (o) => ({ queueId: o.queue, mailboxId: o.mailbox })],
  ["updateOrgDefaults", settings.updateOrgDefaultsAction as Action, () => ({ timezone: "Europe/Paris", language: "en" })],
  ["addEmailDomain", settings.addEmailDomainAction as Action, () => ({ domain: "fuzz.example.net" })],
  ["removeEmailDomain", settings.removeEmailDomainAction as Action, (o) => ({ id: o.domain })],
  ["addSmartRouting", settings.addSmartRoutingAction as Action, () => ({ name: "Fuzz routing", hasPublished: true, hasDraft: false })],
  ["updateSmartRouting", settings.updateSmartRoutingAction as Action, (o) => ({ id: o.routing, name: "Fuzz routing 2", hasPublished: true, hasDraft: true })],
  ["removeSmartRouting", settings.removeSmartRoutingAction as Action, (o) => ({ id: o.routing })],
  ["loadOlderAuditEvents", loadOlderAuditEventsAction as Action, (o) => ({ entityType: "mailbox", entityId: o.mailbox, before: 1, limit: 10 })],
  ["loadOlderInboundMessages", loadOlderInboundMessagesAction as Action, (o) => ({ mailboxId: o.mailbox, before: o.mailbox, limit: 10 })],
  ["signIn", signInAction as Action, () => ({ email: "nobody@fuzz.example", password: "not-the-password", next: "/maker/queues" })],
];

let t: TestOrg;
let other: TestOrg;
let own: Ids;
const ids = { own: [] as string[], foreign: [] as string[] };

async function idsOf(org: TestOrg): Promise<Ids> {
  const m = await insertTestMailbox(org, { localPart: `fuzz-${org.tag}` });
  const q = await insertTestQueueLink(org, m.id, { isDefault: true });
  return { mailbox: m.id, queue: q, domain: org.domains[1].id, routing: org.routings.Escalation };
}

beforeAll(async () => {
  t = await createTestOrg();
  other = await createTestOrg();
  own = await idsOf(t);
  const theirs = await idsOf(other);
  ids.own = Object.values(own);
  ids.foreign = [...Object.values(theirs), ...other.domains.map((d) => d.id), ...Object.values(other.routings)];
  await signInAs(t.admin.email);
});

type Outcome = { data?: unknown; serverError?: { code?: string }; validationErrors?: unknown } | undefined;

describe(`hostile input over every server action (${RUNS_PER_ACTION} runs each)`, () => {
  for (const [name, action, validInput] of ACTIONS) {
    it(`${name}: no unexpected server error, nothing changed by a refusal, the other organisation never touched`, async () => {
      const theirs = await fingerprint(other.org.id);
      let refused = 0;
      // The organisation's fingerprint before each call: taken once, and again only after a call succeeded.
      let current = await fingerprint(t.org.id);
      await fc.assert(
        fc.asyncProperty(hostileInput(validInput(own, t), ids), async (input) => {
          let result: Outcome;
          try {
            result = (await action(input as never)) as Outcome;
          } catch (e) {
            throw new Error(`${name} threw instead of answering: ${(e as Error)?.message}`);
          }
          expect(result?.serverError?.code, `${name} answered an unexpected server error`).not.toBe("INTERNAL");
          const after = await fingerprint(t.org.id);
          if (result?.serverError || result?.validationErrors || !result?.data) {
            refused++;
            expect(after, `${name} changed data while refusing`).toBe(current);
          }
          current = after;
        }),
        { numRuns: RUNS_PER_ACTION },
      );
      expect(await fingerprint(other.org.id), `${name} changed another organisation's data`).toBe(theirs);
      expect(refused).toBeGreaterThan(0);
      // Sign in again: a successful fuzzed sign-in (never expected) or sign-out would change the session.
      await signInAs(t.admin.email);
    });
  }
});
