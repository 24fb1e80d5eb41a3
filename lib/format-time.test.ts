import { describe, expect, it } from "vitest";
import { formatAgo, formatOrgTime } from "./format-time";

describe("format-time (R30: the organisation's zone)", () => {
  const at = new Date("2026-11-26T13:30:00Z");
  it("formats each zone in that zone, also when zones alternate (one cached format per zone)", () => {
    for (let i = 0; i < 2; i++) {
      expect(formatOrgTime(at, "Europe/Paris")).toBe("26 Nov 2026, 14:30 CET");
      expect(formatOrgTime(at, "America/New_York")).toBe("26 Nov 2026, 08:30 GMT-5");
      expect(formatOrgTime(at, "UTC")).toBe("26 Nov 2026, 13:30 UTC");
    }
  });
  it("past a month, formatAgo gives the date in the zone", () => {
    const old = new Date("2026-09-30T23:30:00Z");
    expect(formatAgo(old, at, "Europe/Paris")).toBe("1 Oct 2026");
    expect(formatAgo(old, at, "UTC")).toBe("30 Sept 2026");
    expect(formatAgo(new Date(at.getTime() - 5 * 60_000), at)).toBe("5 min ago");
  });
  it("refuses an unknown zone, as Intl does", () => {
    expect(() => formatOrgTime(at, "Mars/Olympus")).toThrow(RangeError);
  });
});
