// Why a verification failed, stored as a CODE with its parameters (in the history's "why", in an incident's cause),
// never as English: each reader gets it in their language through the catalogues (lib/i18n/catalogues). PURE.
import type { Catalogue } from "@/lib/i18n/catalogues/en";
import { formatDuration } from "@/lib/format-time";

/** What a bounce said, as classified by lib/bounces (stored as this code on the verification). */
export const BOUNCE_KINDS = [
  "m365_forwarding_blocked",
  "m365_spam_block",
  "mailbox_unknown",
  "quota",
  "relay_denied",
  "unrecognised",
] as const;
export type BounceKind = (typeof BOUNCE_KINDS)[number];

export type FailureReason =
  | { code: "timed_out"; address: string; timeoutMs: number }
  | { code: "bounce"; kind: BounceKind; status: string | null }
  | { code: "address_changed"; address: string }
  | { code: "provider_held"; address: string };

/** The stored columns of a failed verification (failure_reason, bounce_kind, bounce_status) as a reason. */
export function failureOf(v: {
  failureReason: string | null;
  bounceKind?: string | null;
  bounceStatus?: string | null;
  address: string;
  requestedAt: Date;
  expiresAt: Date;
}): FailureReason | null {
  switch (v.failureReason) {
    case "timeout":
      return { code: "timed_out", address: v.address, timeoutMs: v.expiresAt.getTime() - v.requestedAt.getTime() };
    case "bounce":
      return { code: "bounce", kind: bounceKindOf(v.bounceKind ?? null), status: v.bounceStatus ?? null };
    case "address_changed":
      return { code: "address_changed", address: v.address };
    case "provider_held":
      return { code: "provider_held", address: v.address };
    default:
      return null;
  }
}

export function bounceKindOf(kind: string | null): BounceKind {
  return (BOUNCE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as BounceKind) : "unrecognised";
}

/** Is `v` a stored reason (an object with a known code), as opposed to a legacy sentence or nothing? */
export function isFailureReason(v: unknown): v is FailureReason {
  const code = (v as { code?: unknown } | null)?.code;
  return typeof code === "string" && ["timed_out", "bounce", "address_changed", "provider_held"].includes(code);
}

/** `{{name}}` placeholders filled (the catalogues' syntax), for the places that render without i18next. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(vars[k] ?? ""));
}

/** A reason in a sentence of `catalogue`'s language ("en" on the Maker's screens, the mailbox's in alerts). */
export function describeFailure(reason: FailureReason, catalogue: Catalogue, locale: string): string {
  switch (reason.code) {
    case "timed_out":
      return fill(catalogue.failure.timed_out, {
        address: reason.address,
        timeout: formatDuration(reason.timeoutMs, locale),
      });
    case "bounce": {
      const title = catalogue.bounce[reason.kind];
      return reason.status ? `${title}: ${reason.status}` : title;
    }
    case "address_changed":
      return fill(catalogue.failure.address_changed, { address: reason.address });
    case "provider_held":
      return fill(catalogue.failure.provider_held, { address: reason.address });
  }
}
