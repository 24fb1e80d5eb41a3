import { randomInt } from "node:crypto";

// The single-use token of a forwarding verification (R22): "fv-" and 26 random lowercase letters and digits
// from a cryptographic source (about 134 bits), so that no one can guess one and verify a rule that does not work.
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 26;
const PATTERN = /\bfv-[a-z0-9]{26}\b/g;

export function generateVerificationToken(): string {
  let token = "fv-";
  for (let i = 0; i < LENGTH; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

/** Every token-shaped string in `texts` (header, subject, body), at most `max` of them, without repeats. */
export function extractVerificationTokens(texts: (string | null | undefined)[], max = 5): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.toLowerCase().matchAll(PATTERN)) {
      found.add(m[0]);
      if (found.size >= max) return [...found];
    }
  }
  return [...found];
}
