import { isKnownTimeZone } from "./time-zones";

// Supported languages of automated messages and logs (R6), and the IANA time zones (R5).
export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "fr", label: "French" },
  { code: "es", label: "Spanish" },
  { code: "de", label: "German" },
  { code: "nl", label: "Dutch" },
  { code: "it", label: "Italian" },
  { code: "pt", label: "Portuguese" },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]["code"];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]];

export function languageLabel(code: string | null | undefined): string {
  return LANGUAGES.find((l) => l.code === code)?.label ?? code ?? "";
}

/**
 * R5: a current or legacy IANA name from the tz database package (lib/org/time-zones.ts), not this runtime's
 * ICU list, so the server accepts Europe/Kyiv on any Node version.
 */
export function isTimeZone(value: string): boolean {
  return isKnownTimeZone(value);
}
