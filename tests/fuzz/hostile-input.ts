import fc from "fast-check";

/** How many generated inputs each action gets: a few hundred in `npm test`, 10,000 with `npm run fuzz`. */
export const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 200);

const CONTROLS = [
  "\u0000",
  "\n",
  "\r",
  "\t",
  "\u0085",
  "\u2028",
  "\u2029",
  "\u007f",
  "\u009b",
  "\uD800",
  "\uDFFF",
  "\u202E",
];

/** Hostile values for one field: wrong types, huge and control-laden strings, forged and foreign ids. */
export function hostileValue(ids: { own: string[]; foreign: string[] }): fc.Arbitrary<unknown> {
  const withControls = fc
    .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...CONTROLS), fc.string({ maxLength: 20 }))
    .map(([a, c, b]) => `${a}${c}${b}`);
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(
        undefined,
        null,
        true,
        false,
        0,
        -1,
        1.5,
        Number.NaN,
        Number.MAX_SAFE_INTEGER * 4,
        "",
        " ",
        "null",
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 1 },
    { arbitrary: withControls, weight: 2 },
    // A plausible name with one bad character: passes every other rule, so only the character rule stands.
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...CONTROLS), fc.constantFrom("Support ", "billing-", "Équipe "))
        .map(([c, w]) => `${w}${c}team`),
      weight: 8,
    },
    { arbitrary: fc.constantFrom(1_000, 70_000, 1_000_000).map((n) => "a".repeat(n)), weight: 1 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: fc.constantFrom(...ids.foreign), weight: 3 },
    { arbitrary: fc.constantFrom(...ids.own), weight: 2 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.object({ maxDepth: 1 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        "__proto__",
        "constructor",
        "<script>alert(1)</script>",
        "' or 1=1 --",
        "../../etc/passwd",
        "%00",
        "0x7fffffff",
      ),
      weight: 1,
    },
  );
}

/**
 * An input for an action: a valid input with one field made hostile (so that every other rule passes and
 * the input reaches the service and the database), an object of hostile fields, or anything at all.
 */
export function hostileInput(
  valid: Record<string, unknown>,
  ids: { own: string[]; foreign: string[] },
): fc.Arbitrary<unknown> {
  const fields = Object.keys(valid);
  const value = hostileValue(ids);
  const oneBad = fields.length
    ? fc.tuple(fc.constantFrom(...fields), value).map(([field, v]) => ({ ...valid, [field]: v }))
    : fc.constant(valid);
  const record = fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] });
  return fc.oneof(
    { arbitrary: oneBad, weight: 6 },
    { arbitrary: record, weight: 3 },
    { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 },
  );
}
