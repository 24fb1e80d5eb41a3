// What one TXT lookup answered (R35), as the pure evaluators read it. `records` are the TXT records at the name,
// each as the character-strings it was published in (joined without separator, RFC 6376 §3.6.2.2).
export type TxtLookup =
  | { kind: "answer"; records: string[][]; cname: string | null }
  | { kind: "none"; cname: string | null }
  | { kind: "error"; code: "timeout" | "servfail" | "refused" | "other" };

/** Bounds that keep a hostile answer from costing more than a normal one. */
export const MAX_RECORDS_JUDGED = 50;
export const MAX_RECORD_CHARS = 8192;
const FOUND_SHOWN = 5;
const FOUND_CHARS = 600;

/** A record's strings joined, cut at MAX_RECORD_CHARS + 1 (so "too long" stays detectable). */
export function joinRecord(strings: string[]): string {
  let out = "";
  for (const s of strings) {
    out += String(s);
    if (out.length > MAX_RECORD_CHARS) return out.slice(0, MAX_RECORD_CHARS + 1);
  }
  return out;
}

/** What to show of the found records: a few, each shortened, control characters made visible. */
export function shownFound(records: string[]): string[] {
  return records.slice(0, FOUND_SHOWN).map((r) => {
    const clean = r.replace(/[\x00-\x1f\x7f]/g, "\uFFFD");
    return clean.length > FOUND_CHARS ? `${clean.slice(0, FOUND_CHARS)}…` : clean;
  });
}

/** Parses a `tag=value; tag=value` list (DKIM, DMARC): tag names lower-cased, whitespace around them ignored. */
export function parseTagList(text: string): Map<string, string> | null {
  const tags = new Map<string, string>();
  for (const part of text.split(";")) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    if (eq < 0) return null;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (!/^[a-z][a-z0-9_]*$/.test(name)) return null;
    if (!tags.has(name)) tags.set(name, part.slice(eq + 1).trim());
  }
  return tags;
}
