import { appendFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it, beforeAll } from "vitest";
import { createTestOrg, signInAs, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox, insertTestQueueLink } from "@/tests/mailbox-fixtures";
import { RUNS_PER_ACTION, hostileInput } from "./hostile-input";
import { changedTables, fingerprint, restoreOrg, saveOrg, type Fingerprint, type SavedOrg } from "./org-state";

// The hostile-input run over server actions (issue 11): generated inputs of the wrong type, huge, with
// control characters, with forged ids and with another organisation's ids. Each call must end in a result
// (never a throw), never in an unexpected server error, and every refusal must leave the organisation's data
// exactly as it was. The other organisation's data must never change at all. The *.fuzz.test.ts files give it
// their actions (five files, so that vitest runs them in parallel workers).

export type Action = (input: never) => Promise<unknown>;
export type Ids = { mailbox: string; queue: string; domain: string; routing: string };
/** An action, and a valid input of the signed-in organisation from which the generator makes hostile ones. */
export type FuzzedAction = [string, Action, (own: Ids, t: TestOrg) => Record<string, unknown>];

async function idsOf(org: TestOrg): Promise<Ids> {
  const m = await insertTestMailbox(org, { localPart: `fuzz-${org.tag}` });
  const q = await insertTestQueueLink(org, m.id, { isDefault: true });
  return { mailbox: m.id, queue: q, domain: org.domains[1].id, routing: org.routings.Escalation };
}

type Outcome = { data?: unknown; serverError?: { code?: string }; validationErrors?: unknown } | undefined;

/** With FUZZ_REPORT (set by `npm run fuzz`): one JSON line per action, appended to that file. */
function report(line: Record<string, unknown>) {
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify(line)}\n`);
  console.log(`[fuzz] ${JSON.stringify(line)}`);
}

/** Defines the run for these actions, each a test of its own, on two organisations of their own. */
export function fuzzActions(title: string, actions: FuzzedAction[]): void {
  let t: TestOrg;
  let other: TestOrg;
  let own: Ids;
  const ids = { own: [] as string[], foreign: [] as string[] };
  // The organisation's starting state: every action's run starts from it, and it is put back after every call
  // that changed something, so that the data (and with it the fingerprint and the actions' own queries) stays
  // the same size however many inputs run.
  let start: Fingerprint;
  let saved: SavedOrg;

  beforeAll(async () => {
    t = await createTestOrg();
    other = await createTestOrg();
    own = await idsOf(t);
    const theirs = await idsOf(other);
    ids.own = Object.values(own);
    ids.foreign = [...Object.values(theirs), ...other.domains.map((d) => d.id), ...Object.values(other.routings)];
    await signInAs(t.admin.email);
    start = await fingerprint(t.org.id);
    saved = await saveOrg(t.org.id);
  });

  describe(`hostile input: ${title} (${RUNS_PER_ACTION} runs each)`, () => {
    for (const [name, action, validInput] of actions) {
      it(`${name}: no unexpected server error, nothing changed by a refusal, the other organisation never touched`, async () => {
        const theirs = await fingerprint(other.org.id);
        expect(await fingerprint(t.org.id), "the run starts from the organisation's starting state").toEqual(start);
        let refused = 0;
        let restored = 0;
        // Inputs per second over the first and the last tenth of the run: the cost of an input must stay flat.
        const tenth = Math.max(1, Math.floor(RUNS_PER_ACTION / 10));
        const marks: number[] = [];
        let n = 0;
        const began = performance.now();
        await fc.assert(
          fc.asyncProperty(hostileInput(validInput(own, t), ids), async (input) => {
            if (n === 0 || n === tenth || n === RUNS_PER_ACTION - tenth) marks.push(performance.now());
            n++;
            let result: Outcome;
            try {
              result = (await action(input as never)) as Outcome;
            } catch (e) {
              throw new Error(`${name} threw instead of answering: ${(e as Error)?.message}`);
            }
            const changed = changedTables(start, await fingerprint(t.org.id));
            try {
              expect(result?.serverError?.code, `${name} answered an unexpected server error`).not.toBe("INTERNAL");
              if (result?.serverError || result?.validationErrors || !result?.data) {
                refused++;
                expect(changed, `${name} changed data while refusing`).toEqual([]);
              }
            } finally {
              // Whatever the call did (an accepted input, or a failure that fast-check now shrinks), the next
              // input starts from the starting state again.
              if (changed.length) {
                await restoreOrg(saved, changed);
                restored++;
                expect(await fingerprint(t.org.id), "the organisation's starting state was put back").toEqual(start);
              }
            }
          }),
          { numRuns: RUNS_PER_ACTION },
        );
        marks.push(performance.now());
        expect(await fingerprint(other.org.id), `${name} changed another organisation's data`).toEqual(theirs);
        expect(refused).toBeGreaterThan(0);
        const rate = (from: number, to: number) =>
          marks.length === 4 ? Math.round((tenth * 1000) / (marks[to] - marks[from])) : null;
        report({
          action: name,
          inputs: n,
          refused,
          accepted: n - refused,
          restored,
          seconds: Math.round((performance.now() - began) / 100) / 10,
          firstTenthPerSecond: rate(0, 1),
          lastTenthPerSecond: rate(2, 3),
        });
        // Sign in again: a successful fuzzed sign-in (never expected) or sign-out would change the session.
        await signInAs(t.admin.email);
      });
    }
  });
}
