import i18next, { type TFunction } from "i18next";
import { LANGUAGE_CODES, type LanguageCode } from "@/lib/org/locale";
import { de } from "./catalogues/de";
import { en } from "./catalogues/en";
import { es } from "./catalogues/es";
import { fr } from "./catalogues/fr";
import { it } from "./catalogues/it";
import { nl } from "./catalogues/nl";
import { pt } from "./catalogues/pt";

// The message catalogues of automated messages (R30), through i18next. One instance per process, initialised
// synchronously (resources are bundled); `t` of a language never falls back to English silently: a missing key
// would show as its key, which the per-language tests catch.
export const CATALOGUES = { en, fr, es, de, nl, it, pt } as const;

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(Object.entries(CATALOGUES).map(([lng, c]) => [lng, { translation: c }])),
  lng: "en",
  fallbackLng: false,
  supportedLngs: LANGUAGE_CODES,
  initAsync: false,
  interpolation: { escapeValue: false }, // plain-text mail, not HTML
  returnNull: false,
});

export function messageLanguage(code: string | null | undefined): LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(code ?? "") ? (code as LanguageCode) : "en";
}

export function translator(language: string | null | undefined): TFunction {
  return instance.getFixedT(messageLanguage(language));
}

/**
 * An absolute time for a message, in the reader's language and the given IANA zone, with the zone named:
 * "26 novembre 2026 à 14:30 heure normale d’Europe centrale".
 */
export function formatMessageTime(date: Date, language: string | null | undefined, timeZone: string): string {
  return new Intl.DateTimeFormat(messageLanguage(language), {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "long",
  }).format(date);
}
