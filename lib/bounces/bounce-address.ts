import { config } from "@/lib/config";

// R27: the envelope sender of a test message, bounce+<token>@<platform mail domain>, so that a bounce names its
// verification. The receiver accepts mail for any such address (an unknown token is accepted and dropped).
const PATTERN = /^bounce\+(fv-[a-z0-9]{26})@(.+)$/;
const ANY_BOUNCE = /^bounce\+[^@]*@(.+)$/;

export function bounceAddress(token: string): string {
  return `bounce+${token}@${config().PLATFORM_MAIL_DOMAIN}`;
}

/** For an address on the platform's bounce domain: { token } (null when it names no well-formed token); else null. */
export function parseBounceAddress(address: string): { token: string | null } | null {
  const a = address.trim().toLowerCase();
  const any = ANY_BOUNCE.exec(a);
  if (!any || any[1] !== config().PLATFORM_MAIL_DOMAIN) return null;
  const m = PATTERN.exec(a);
  return { token: m ? m[1] : null };
}
