import { randomInt } from "node:crypto";
import { config } from "@/lib/config";
import { platformAliasAddress } from "@/lib/address";

// Alias addresses: <token>@<org slug>.<platform mail domain> (SPEC §2, R11).
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
export const ALIAS_TOKEN_LENGTH = 10;

export function platformMailDomain(): string {
  return config().PLATFORM_MAIL_DOMAIN;
}

/** A fresh random token from a cryptographic source: lowercase letters and digits. */
export function generateAliasToken(length = ALIAS_TOKEN_LENGTH): string {
  let token = "";
  for (let i = 0; i < length; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

export function aliasAddress(token: string, orgSlug: string): string {
  return platformAliasAddress(token, orgSlug, platformMailDomain());
}

/** The token and org slug of an alias address on the platform's domain, or null for any other address. */
export function parseAliasAddress(address: string): { token: string; orgSlug: string } | null {
  const m = /^([a-z0-9]{8,64})@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)\.(.+)$/.exec(address.trim().toLowerCase());
  if (!m || m[4] !== platformMailDomain()) return null;
  return { token: m[1], orgSlug: m[2] };
}
