import { createHash, randomBytes } from "node:crypto";

/** Every secret starts with this, so that a leaked key is recognised (secret scanners, logs). */
export const API_KEY_PREFIX = "ino_live_";
/** 32 random bytes in base64url: 43 characters after the prefix, 256 bits. */
const SECRET_BYTES = 32;
/** How much of a secret the list shows: the prefix and 6 characters. */
export const SHOWN_CHARS = API_KEY_PREFIX.length + 6;

export function generateApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString("base64url")}`;
}

/** SHA-256, hex: right for a high-entropy secret (nothing to brute-force), and one indexed lookup. */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A well-formed secret: the prefix and 43 base64url characters. Anything else is not looked up. */
export function looksLikeApiKey(secret: string): boolean {
  return /^ino_live_[A-Za-z0-9_-]{43}$/.test(secret);
}
