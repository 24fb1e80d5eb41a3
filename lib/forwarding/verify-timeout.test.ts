import { describe, expect, it } from "vitest";
import { DEFAULT_VERIFY_TIMEOUT_MS, formatDuration, parseDuration, verifyTimeoutMs } from "./verify-timeout";

describe("VERIFY_TIMEOUT", () => {
  it.each([
    ["900", 900_000],
    ["30s", 30_000],
    ["15m", 900_000],
    ["1h", 3_600_000],
    ["1500ms", 1500],
    [" 2M ", 120_000],
  ])("reads %s", (value, ms) => expect(parseDuration(value)).toBe(ms));

  it.each(["", "soon", "-5", "15 minutes", "0", "1d"])("refuses %j", (value) => expect(parseDuration(value)).toBeNull());

  it("defaults to 15 minutes, also for an unreadable value", () => {
    expect(verifyTimeoutMs({})).toBe(DEFAULT_VERIFY_TIMEOUT_MS);
    expect(verifyTimeoutMs({ VERIFY_TIMEOUT: "later" })).toBe(DEFAULT_VERIFY_TIMEOUT_MS);
    expect(verifyTimeoutMs({ VERIFY_TIMEOUT: "15s" })).toBe(15_000);
  });

  it("names durations for the UI", () => {
    expect(formatDuration(900_000)).toBe("15 minutes");
    expect(formatDuration(15_000)).toBe("15 seconds");
    expect(formatDuration(3_600_000)).toBe("1 hour");
  });
});
