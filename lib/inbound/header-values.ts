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
  const parts = from.value.flatMap((e) => (e.group?.length ? e.group : [e])).map((e) => (e.name && e.address ? `${e.name} <${e.address}>` : e.address || e.name));
  const text = parts.filter(Boolean).join(", ");
  return text || from.text || null;
}
