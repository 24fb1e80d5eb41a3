import { z } from "zod";

// Building blocks shared by every form's schema, in the browser and on the server.

/**
 * R1: every Unicode control character (category Cc: U+0000–U+001F, U+007F–U+009F, e.g. U+0085 NEXT LINE)
 * and the line and paragraph separators U+2028/U+2029, which break headers, logs and one-line layouts.
 */
export const CONTROL_CHARS = /[\p{Cc}\u2028\u2029]/u;
/** Half of a surrogate pair without its other half: not text, and refused by PostgreSQL's UTF-8. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Characters that show nothing or only change the direction of text: format characters (Cf: zero-width space and
 * joiners, bidi marks, embeddings, overrides and isolates, soft hyphen, word joiner, BOM…), separators (Z: every
 * kind of space) and the blank letters that render as nothing (Hangul fillers, Braille blank, Mongolian
 * vowel separator, combining grapheme joiner, variation selectors).
 */
const INVISIBLE = /[\p{Cf}\p{Z}\s\u115F\u1160\u3164\uFFA0\u2800\u180E\u034F\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/gu;

/** True when a name shows something: it is not made only of invisible or direction-changing characters. */
export function isVisibleText(v: string): boolean {
  return v.replace(INVISIBLE, "").length > 0;
}

/** True when a name may be stored: no control characters, no line separators, no broken characters. */
export function isCleanText(v: string): boolean {
  return !CONTROL_CHARS.test(v) && !LONE_SURROGATE.test(v);
}

/**
 * A required one-line text: no control characters (no header injection), no unpaired surrogates, then
 * trimmed, 1..max characters. The characters are checked before trimming, so that a trailing line break is
 * refused rather than silently dropped.
 */
export function singleLineText(label: string, max = 255) {
  return z
    .string({ error: `${label} is required.` })
    .refine((v) => !LONE_SURROGATE.test(v), `${label} contains a broken character; type it again.`)
    .refine((v) => !CONTROL_CHARS.test(v), `${label} cannot contain line breaks or control characters.`)
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(
      (v) => v.length === 0 || isVisibleText(v),
      `${label} must contain visible characters: this one is only spaces or invisible characters.`,
    );
}

export const idSchema = z.uuid({ error: "Unknown identifier." });
