import { getTimeZones, timeZonesNames, type TimeZone } from "@vvo/tzdb";

/**
 * Time zones for people (R5), from the maintained tz database package @vvo/tzdb rather than the runtime's ICU
 * list (which holds legacy names such as Europe/Kiev and, on Node 20, refuses Europe/Kyiv). Canonical current
 * IANA names are offered; legacy and merged names of the same zone are accepted and searchable as aliases.
 */
export type ZoneOption = {
  name: string;
  label: string;
  aliases: string[];
  country: string;
  cities: string[];
  description: string;
  abbreviations: string[];
  offsetMinutes: number;
};

const zones: TimeZone[] = getTimeZones({ includeUtc: true });

export const ZONE_OPTIONS: ZoneOption[] = zones
  .map((z) => ({
    name: z.name,
    label: zoneLabel(z.name),
    aliases: z.group.filter((g) => g !== z.name),
    country: z.countryName,
    cities: z.mainCities,
    description: z.alternativeName,
    abbreviations: [
      ...new Set(
        [z.abbreviation, z.currentAbbreviation, (z as { dstAbbreviation?: string }).dstAbbreviation].filter(
          (a): a is string => !!a && !/^[+-]\d/.test(a),
        ),
      ),
    ],
    offsetMinutes: z.currentTimeOffsetInMinutes,
  }))
  .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.name.localeCompare(b.name));

const canonical = new Map<string, string>();
for (const z of zones) for (const n of [z.name, ...z.group]) canonical.set(n, z.name);
for (const n of timeZonesNames) if (!canonical.has(n)) canonical.set(n, n);
canonical.set("UTC", "UTC");
canonical.set("Etc/UTC", "UTC");

/** True for any current or legacy IANA name the tz database knows, on any Node version. */
export function isKnownTimeZone(name: string): boolean {
  return canonical.has(name);
}

/** The current canonical name of a zone ("Europe/Kiev" → "Europe/Kyiv"); unknown names are returned as they are. */
export function canonicalTimeZone(name: string): string {
  return canonical.get(name) ?? name;
}

/** "America/New_York" → "America/New York": the name as people read it. */
export function zoneLabel(name: string): string {
  return name.replaceAll("_", " ");
}

/**
 * A name this runtime's Intl accepts for the zone: the name itself, else one of its aliases (Node 20's ICU
 * knows Europe/Kiev but may refuse Europe/Kyiv), else UTC, so formatting a time never throws.
 */
export function intlTimeZone(name: string): string {
  const c = canonicalTimeZone(name);
  const candidates = [name, c, ...zones.filter((z) => z.name === c).flatMap((z) => z.group)];
  for (const tz of candidates) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return tz;
    } catch {}
  }
  return "UTC";
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const m = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[_/]/g, " ");

/** Search keys of an option: its name, aliases, cities, country, description, abbreviations and UTC offset. */
function keysOf(z: ZoneOption): string[] {
  const h = Math.trunc(Math.abs(z.offsetMinutes) / 60);
  const mm = Math.abs(z.offsetMinutes) % 60;
  const sign = z.offsetMinutes < 0 ? "-" : "+";
  const offsets = [
    `utc${sign}${h}${mm ? `:${mm}` : ""}`,
    `gmt${sign}${h}${mm ? `:${mm}` : ""}`,
    `utc${sign}${String(h).padStart(2, "0")}:${String(mm).padStart(2, "0")}`,
    `${sign}${String(h).padStart(2, "0")}:${String(mm).padStart(2, "0")}`,
  ];
  return [z.name, ...z.aliases, ...z.cities, z.country, z.description, ...z.abbreviations, ...offsets].map(fold);
}
const KEYS = new Map(ZONE_OPTIONS.map((z) => [z.name, keysOf(z)]));

/**
 * Accent-insensitive substring search, best matches first: a key that equals the query, then a key or word that
 * starts with it, then any substring. "kyiv", "kolkata", "ho chi minh", "são paulo", "EST", "utc+5:30" all work.
 */
export function searchTimeZones(query: string, options: ZoneOption[] = ZONE_OPTIONS): ZoneOption[] {
  const q = fold(query.trim())
    .replace(/\s+/g, " ")
    .replace(/^(utc|gmt) ([+-])/, "$1$2");
  if (!q) return options;
  const scored: { z: ZoneOption; score: number }[] = [];
  for (const z of options) {
    let best = 0;
    for (const k of KEYS.get(z.name) ?? []) {
      if (k === q) best = Math.max(best, 4);
      else if (k.startsWith(q)) best = Math.max(best, 3);
      else if (k.includes(` ${q}`)) best = Math.max(best, 2);
      else if (k.includes(q)) best = Math.max(best, 1);
    }
    if (best) scored.push({ z, score: best });
  }
  return scored.sort((a, b) => b.score - a.score || a.z.offsetMinutes - b.z.offsetMinutes).map((s) => s.z);
}
