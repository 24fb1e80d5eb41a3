import { describe, expect, it } from "vitest";
import { canonicalTimeZone, intlTimeZone, isKnownTimeZone, searchTimeZones, ZONE_OPTIONS } from "./time-zones";

describe("R5 time zones for people", () => {
  it("offers canonical current names only, and accepts legacy names as aliases", () => {
    const names = ZONE_OPTIONS.map((z) => z.name);
    expect(names).toContain("Europe/Kyiv");
    expect(names).toContain("Asia/Kolkata");
    expect(names).toContain("Asia/Ho_Chi_Minh");
    expect(names).not.toContain("Europe/Kiev");
    expect(names).not.toContain("Asia/Calcutta");
    expect(names).not.toContain("Asia/Saigon");
    for (const legacy of ["Europe/Kiev", "Asia/Calcutta", "Asia/Saigon"]) expect(isKnownTimeZone(legacy)).toBe(true);
    expect(canonicalTimeZone("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(isKnownTimeZone("Europe/Kyiv")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("formats in any zone on this runtime, falling back to an alias ICU knows", () => {
    for (const z of ZONE_OPTIONS)
      expect(() => new Intl.DateTimeFormat("en", { timeZone: intlTimeZone(z.name) })).not.toThrow();
  });

  it("finds cities, countries, abbreviations and offsets, accent-insensitive, best match first", () => {
    expect(searchTimeZones("kyiv")[0].name).toBe("Europe/Kyiv");
    expect(searchTimeZones("kiev")[0].name).toBe("Europe/Kyiv");
    expect(searchTimeZones("kolkata")[0].name).toBe("Asia/Kolkata");
    expect(searchTimeZones("ho chi minh")[0].name).toBe("Asia/Ho_Chi_Minh");
    expect(searchTimeZones("sao paulo")[0].name).toBe("America/Sao_Paulo");
    expect(searchTimeZones("São Paulo")[0].name).toBe("America/Sao_Paulo");
    expect(searchTimeZones("utc+5:30").map((z) => z.name)).toContain("Asia/Kolkata");
    expect(searchTimeZones("IST").map((z) => z.name)).toContain("Asia/Kolkata");
    expect(searchTimeZones("ukraine").map((z) => z.name)).toContain("Europe/Kyiv");
    const tor = searchTimeZones("tor");
    expect(tor[0].name).toBe("America/Toronto");
    expect(tor.length).toBeLessThan(15);
  });
});
