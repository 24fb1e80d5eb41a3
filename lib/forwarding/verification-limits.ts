import { config, type Config } from "@/lib/config";

// R32: how often test messages may be sent. Server-side, counted in the database (every instance sees the same).
export type VerificationLimits = { cooldownMs: number; perOrgPerDay: number; perAddressPerDay: number };

export const DEFAULT_VERIFICATION_LIMITS: VerificationLimits = { cooldownMs: 30_000, perOrgPerDay: 50, perAddressPerDay: 10 };
export const DAY_MS = 24 * 3_600_000;

/** VERIFY_COOLDOWN (duration), VERIFY_DAILY_ORG_LIMIT, VERIFY_DAILY_ADDRESS_LIMIT (lib/config.ts): 30 s, 50, 10. */
export function verificationLimits(c: Config = config()): VerificationLimits {
  return { cooldownMs: c.VERIFY_COOLDOWN, perOrgPerDay: c.VERIFY_DAILY_ORG_LIMIT, perAddressPerDay: c.VERIFY_DAILY_ADDRESS_LIMIT };
}

/** "in 45 seconds", "in 3 minutes", "in 2 hours": when a refused request may be tried again. */
export function tryAgainIn(until: Date, now: Date): string {
  const ms = Math.max(1000, until.getTime() - now.getTime());
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "always" });
  if (ms < 90_000) return rtf.format(Math.ceil(ms / 1000), "second");
  if (ms < 90 * 60_000) return rtf.format(Math.ceil(ms / 60_000), "minute");
  return rtf.format(Math.ceil(ms / 3_600_000), "hour");
}
