import { appendFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/tests/api-test-kit";
import { createApiKey } from "@/lib/api/create-api-key";
import type { Operation } from "@/lib/api/operations";
import { resetConfigForTests } from "@/lib/config";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox, insertTestQueueLink } from "@/tests/mailbox-fixtures";
import { RUNS_PER_ACTION, hostileInput, hostileValue } from "./hostile-input";
import { changedTables, fingerprint, restoreOrg, saveOrg, type Fingerprint, type SavedOrg } from "./org-state";

// The hostile-input run over /api/v1 (R44): generated requests with hostile bodies (one bad field, hostile records,
// anything), raw bodies that are not JSON or too large, wrong content types, forged, foreign and malformed ids,
// and garbage If-Match / Idempotency-Key headers. Each must be answered (never thrown), never with a 500, and every
// refusal must leave the organisation's data as it was; the other organisation's data never changes. The API key's
// own bookkeeping (`api_key.last_used_at`) is not the organisation's data and is left out of the comparison.

type Ids = { mailbox: string; queue: string };
const BOOKKEEPING = ["api_key"];

async function idsOf(org: TestOrg): Promise<Ids> {
  const m = await insertTestMailbox(org, { localPart: `fuzz-${org.tag}` });
  const q = await insertTestQueueLink(org, m.id, { isDefault: true });
  return { mailbox: m.id, queue: q };
}

type Endpoint = [Operation["method"], (i: Ids) => string, ((t: TestOrg, i: Ids) => Record<string, unknown>) | null];
const ENDPOINTS: Endpoint[] = [
  ["GET", () => "/mailboxes", null],
  [
    "POST",
    () => "/mailboxes",
    (t) => ({
      display_name: "Fuzz",
      local_part: "fuzz-new",
      domain: t.domains[0].domain,
      timezone: "Europe/Paris",
      language: "fr",
    }),
  ],
  ["GET", (i) => `/mailboxes/${i.mailbox}`, null],
  [
    "PATCH",
    (i) => `/mailboxes/${i.mailbox}`,
    (t) => ({
      display_name: "Fuzz",
      local_part: `fuzz-${t.tag}`,
      domain: t.domains[1].domain,
      timezone: null,
      language: "",
    }),
  ],
  ["DELETE", (i) => `/mailboxes/${i.mailbox}`, null],
  ["POST", (i) => `/mailboxes/${i.mailbox}/deactivate`, null],
  ["PUT", (i) => `/queues/${i.queue}/mailboxes/${i.mailbox}`, null],
  ["DELETE", (i) => `/queues/${i.queue}/mailboxes/${i.mailbox}`, null],
  ["POST", (i) => `/queues/${i.queue}/default`, (_t, i) => ({ mailbox_id: i.mailbox })],
];

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "",
  "application/json\u0000",
];

function report(line: Record<string, unknown>) {
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify(line)}\n`);
  console.log(`[fuzz] ${JSON.stringify(line)}`);
}

let t: TestOrg;
let other: TestOrg;
let own: Ids;
let theirs: Ids;
let key: string;
let start: Fingerprint;
let saved: SavedOrg;

beforeAll(async () => {
  process.env.API_RATE_LIMIT = "100000000";
  resetConfigForTests();
  t = await createTestOrg();
  other = await createTestOrg();
  own = await idsOf(t);
  theirs = await idsOf(other);
  key = (await createApiKey({ orgId: t.org.id, actorId: t.admin.id, name: "Fuzz", access: "write" })).secret;
  start = await fingerprint(t.org.id);
  saved = await saveOrg(t.org.id);
});

const orgChanges = (before: Fingerprint, after: Fingerprint) =>
  changedTables(before, after).filter((c) => !BOOKKEEPING.includes(c));

describe(`hostile input: /api/v1 (${RUNS_PER_ACTION} requests per endpoint)`, () => {
  for (const [method, pathOf, validBody] of ENDPOINTS) {
    it(`${method} ${pathOf({ mailbox: "{id}", queue: "{id}" })}: no 500, nothing changed by a refusal, the other organisation never touched`, async () => {
      const theirsBefore = await fingerprint(other.org.id);
      const ids = {
        own: [own.mailbox, own.queue],
        foreign: [theirs.mailbox, theirs.queue, ...other.domains.map((d) => d.id)],
      };
      const idArb = fc.oneof(
        { arbitrary: fc.constant(null), weight: 6 },
        { arbitrary: fc.constantFrom(theirs.mailbox, theirs.queue, own.queue, own.mailbox), weight: 2 },
        { arbitrary: fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s) || "x"), weight: 1 },
        { arbitrary: fc.uuid(), weight: 1 },
      );
      // GET: a hostile query string instead of a body.
      const queryArb = hostileInput(
        { status: "active", q: "support", limit: "25", domain: t.domains[0].domain, cursor: "x" },
        ids,
      ).map((v) => {
        const qs = new URLSearchParams();
        if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) qs.append(k, asText(x));
        return { query: qs.toString() };
      });
      const bodyArb =
        method === "GET"
          ? queryArb
          : validBody
            ? fc.oneof(
                { arbitrary: hostileInput(validBody(t, own), ids).map((b) => ({ json: b })), weight: 6 },
                { arbitrary: fc.string({ maxLength: 200 }).map((raw) => ({ raw })), weight: 1 },
                {
                  arbitrary: fc
                    .constantFrom(99 * 1024, 101 * 1024)
                    .map((n) => ({ raw: `{"display_name":"${"a".repeat(n)}"}` })),
                  weight: 1,
                },
              )
            : fc.oneof(
                { arbitrary: fc.constant({}), weight: 6 },
                { arbitrary: hostileValue(ids).map((b) => ({ json: b })), weight: 2 },
              );
      const headerArb = fc.record(
        {
          "content-type": fc.constantFrom(...CONTENT_TYPES),
          "if-match": fc.oneof(
            fc.constantFrom('"1"', '"2"', "*", 'W/"1"', "", "garbage"),
            fc.string({ maxLength: 20 }),
          ),
          "idempotency-key": fc.oneof(fc.constantFrom("same-key", "", " "), fc.string({ maxLength: 300 })),
        },
        { requiredKeys: [] },
      );
      let refused = 0;
      let restored = 0;
      let n = 0;
      const began = performance.now();
      await fc.assert(
        fc.asyncProperty(idArb, bodyArb, headerArb, async (id, body, headers) => {
          n++;
          const ownIds = id ? { mailbox: id, queue: id } : own;
          const b0 = body as { query?: string };
          const path = `${pathOf(ownIds)}${b0.query ? `?${b0.query}` : ""}`;
          const b = body as { json?: unknown; raw?: string; query?: string };
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(headers))
            if (typeof v === "string" && /^[\t\x20-\x7e]*$/.test(v)) h[k] = v;
          let status: number;
          try {
            const r = await api(method, path, {
              key,
              headers: h,
              ...(b.json !== undefined ? { body: b.json } : {}),
              ...(b.raw !== undefined ? { rawBody: b.raw } : {}),
            });
            status = r.status;
          } catch (e) {
            throw new Error(`${method} ${path} threw instead of answering: ${(e as Error)?.message}`);
          }
          const changed = orgChanges(start, await fingerprint(t.org.id));
          try {
            expect(status, `${method} ${path} answered a server error`).toBeLessThan(500);
            if (status >= 400) {
              refused++;
              expect(changed, `${method} ${path} changed data while refusing (${status})`).toEqual([]);
            }
          } finally {
            if (changed.length) {
              await restoreOrg(saved, changed);
              restored++;
              expect(orgChanges(start, await fingerprint(t.org.id))).toEqual([]);
            }
          }
        }),
        { numRuns: RUNS_PER_ACTION },
      );
      expect(await fingerprint(other.org.id), "another organisation's data changed").toEqual(theirsBefore);
      expect(refused).toBeGreaterThan(0);
      report({
        action: `api ${method} ${pathOf({ mailbox: "{id}", queue: "{id}" })}`,
        inputs: n,
        refused,
        accepted: n - refused,
        restored,
        seconds: Math.round((performance.now() - began) / 100) / 10,
        firstTenthPerSecond: null,
        lastTenthPerSecond: null,
      });
    });
  }
});

/** A generated value as query-string text, whatever it is (String() throws on an object without a prototype). */
function asText(x: unknown): string {
  try {
    return String(x);
  } catch {
    try {
      return JSON.stringify(x) ?? "";
    } catch {
      return "[unprintable]";
    }
  }
}
