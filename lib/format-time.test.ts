import { describe, expect, it } from "vitest";
import { describeInterval, formatAgo, formatDuration, formatOrgTime } from "./format-time";

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
    expect(formatAgo(new Date(at.getTime() - 5 * 60_000), at)).toBe("5 minutes ago");
  });
  it("refuses an unknown zone, as Intl does", () => {
    expect(() => formatOrgTime(at, "Mars/Olympus")).toThrow(RangeError);
  });
  it("says 'ago' and durations through Intl, in the reader's language", () => {
    expect(formatAgo(new Date(at.getTime() - 10_000), at)).toBe("now");
    expect(formatAgo(new Date(at.getTime() - 3 * 3_600_000), at)).toBe("3 hours ago");
    expect(formatAgo(new Date(at.getTime() - 26 * 3_600_000), at)).toBe("yesterday");
    expect(formatDuration(900_000)).toBe("15 minutes");
    expect(formatDuration(15_000)).toBe("15 seconds");
    expect(formatDuration(3_600_000)).toBe("1 hour");
    expect(formatDuration(900_000, "de")).toBe("15 Minuten");
    expect(describeInterval(86_400_000)).toBe("every day");
    expect(describeInterval(12 * 3_600_000)).toBe("every 12 hours");
    expect(describeInterval(30 * 60_000)).toBe("every 30 minutes");
  });
});
