import type { AddressObject, HeaderValue } from "mailparser";

// Header values as mailparser gives them, read the same way by the full parse and the receiver's header-only path.

export function headerText(value: HeaderValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join(", ");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "value" in value && typeof value.value === "string") return value.value;
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  return null;
}

export function firstAddress(from: AddressObject | undefined): string | null {
  for (const entry of from?.value ?? []) {
    if (entry.address) return entry.address.toLowerCase();
    for (const member of entry.group ?? []) if (member.address) return member.address.toLowerCase();
  }
  return null;
}

/** "Name <address>" of each From mailbox (mailparser's own text quotes names), for people to read. */
export function displayFrom(from: AddressObject | undefined): string | null {
  if (!from) return null;
  const parts = from.value
    .flatMap((e) => (e.group?.length ? e.group : [e]))
    .map((e) => (e.name && e.address ? `${e.name} <${e.address}>` : e.address || e.name));
  const text = parts.filter(Boolean).join(", ");
  return text || from.text || null;
}

const MAX_TEXT = 998; // one header line's worth for subject and from

/** PostgreSQL text cannot hold NUL, and control characters have no place in what the UI shows. */
export function cleanText(value: string | null | undefined, max = MAX_TEXT): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!cleaned) return null;
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/**
 * Mail from a mailing list (RFC 2919 List-Id). mailparser gathers every List-* header into one "list" value
 * ({ id: {…}, unsubscribe: {…}, … }), so "list-id" itself is never a key of its headers.
 */
export function hasListId(headers: Map<string, HeaderValue> | undefined): boolean {
  if (!headers) return false;
  if (headers.has("list-id")) return true;
  const list = headers.get("list") as unknown as { id?: unknown } | undefined;
  return Boolean(list && typeof list === "object" && list.id);
}
