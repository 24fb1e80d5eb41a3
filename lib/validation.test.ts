import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mailboxFieldsSchema } from "@/lib/mailboxes/schemas";
import { queueNameSchema } from "@/lib/queues/schemas";
import { smartRoutingSchema } from "@/lib/settings/schemas";
import { singleLineText } from "./validation";

// Every code point of a Unicode general category, from the engine's own Unicode tables.
function codePointsOf(category: string): number[] {
  const re = new RegExp(`^\\p{gc=${category}}$`, "u");
  const out: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) if (re.test(String.fromCodePoint(cp))) out.push(cp);
  return out;
}
const REFUSED = [...codePointsOf("Cc"), 0x2028, 0x2029].map((cp) => String.fromCodePoint(cp));
const LONE_SURROGATES = fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => String.fromCharCode(cp));
// Categories a name may contain: letters, marks, numbers, punctuation, symbols, spaces (Zs).
const ALLOWED_CATEGORIES = ["L", "M", "N", "P", "S", "Zs"];
const allowedChar = fc.constantFrom(...ALLOWED_CATEGORIES).chain((cat) => {
  const re = new RegExp(`^\\p{${cat}}$`, "u");
  return fc
    .integer({ min: 0x20, max: 0x2ffff })
    .map((cp) => String.fromCodePoint(cp))
    .filter((c) => re.test(c));
});
const word = fc.array(allowedChar, { minLength: 1, maxLength: 12 }).map((a) => `a${a.join("")}z`);

const NAME_FIELDS: [
  string,
  (name: string) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } },
][] = [
  [
    "display name",
    (n) =>
      mailboxFieldsSchema.safeParse({
        displayName: n,
        localPart: "x",
        domainId: "00000000-0000-4000-8000-000000000000",
        timezone: "",
        language: "",
        routing: "smart",
        smartRoutingId: "",
        smartRoutingVersion: "",
        endRoutingId: "",
        endRoutingVersion: "",
      }),
  ],
  ["queue name", (n) => queueNameSchema.safeParse({ name: n })],
  ["routing name", (n) => smartRoutingSchema.safeParse({ name: n, hasPublished: true, hasDraft: false })],
];

describe("R1 names refuse control characters, line separators and broken characters", () => {
  it("covers every Cc code point (65) and the two separators", () => {
    expect(REFUSED).toHaveLength(67);
    expect(REFUSED).toContain("\u0085");
  });

  for (const [label, parse] of NAME_FIELDS) {
    it(`R1 ${label}: any refused character anywhere is refused with a message on the field`, () => {
      fc.assert(
        fc.property(
          word,
          fc.oneof(fc.constantFrom(...REFUSED), LONE_SURROGATES),
          word,
          fc.nat(2),
          (a, bad, b, where) => {
            const name = where === 0 ? `${bad}${a}` : where === 1 ? `${a}${bad}${b}` : `${a}${bad}`;
            const r = parse(name);
            expect(r.success).toBe(false);
            const issue = r.error!.issues[0];
            expect(issue.path).toHaveLength(1);
            expect(issue.message).toMatch(/control characters|broken character/);
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`R1 ${label}: names made of letters, marks, numbers, punctuation, symbols and spaces are accepted`, () => {
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
          expect(parse(words.join(" ")).success).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("keeps a surrogate pair (emoji) and trims ordinary spaces", () => {
    const s = singleLineText("Name");
    expect(s.parse("  Support 📬  ")).toBe("Support 📬");
    expect(s.safeParse("Support\u2028").success).toBe(false);
    expect(s.safeParse("Support\n").success).toBe(false);
    expect(s.safeParse("\uD83D Support").error?.issues[0].message).toBe(
      "Name contains a broken character; type it again.",
    );
  });
});

describe("H5 names made only of invisible or direction-changing characters are refused (issue 20 item 6)", () => {
  const INVISIBLES = [
    "\u200B",
    "\u200C",
    "\u200D",
    "\u2060",
    "\uFEFF",
    "\u00AD",
    "\u202E",
    "\u202D",
    "\u2066",
    "\u2067",
    "\u2069",
    "\u200E",
    "\u200F",
    "\u061C",
    "\u3164",
    "\u115F",
    "\u2800",
    "\u00A0",
    "\u3000",
    "\u180E",
    "\uFE0F",
    "\u{E0041}",
  ];

  for (const [label, parse] of NAME_FIELDS) {
    it(`${label}: any mix of invisible characters is refused, with a message that says why`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...INVISIBLES, " "), { minLength: 1, maxLength: 8 }), (chars) => {
          const name = chars.join("");
          const r = parse(name);
          expect(r.success).toBe(false);
          if (name.trim().length > 0) expect(r.error!.issues[0].message).toMatch(/must contain visible characters/);
        }),
        { numRuns: 200 },
      );
    });

    it(`${label}: a visible name with a direction mark or joiner in it is still accepted`, () => {
      expect(parse("Support \u200F\u05EA\u05DE\u05D9\u05DB\u05D4").success).toBe(true);
      expect(parse("👩\u200D💻 Devs").success).toBe(true);
    });
  }
});
