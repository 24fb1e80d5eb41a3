import { afterEach, describe, expect, it, vi } from "vitest";
import { appUrl, parseConfig, parseDuration } from "./config";

// H4 item 5: the environment parsed once, with one duration parser; a bad value is an error naming the variable,
// except where a logged fallback is the documented behaviour (VERIFY_TIMEOUT, FORWARDING_CHECK_INTERVAL).
afterEach(() => vi.restoreAllMocks());

describe("lib/config.ts", () => {
  it.each([
    ["900", 900_000],
    ["30s", 30_000],
    ["15m", 900_000],
    ["1h", 3_600_000],
    ["1500ms", 1500],
    [" 2M ", 120_000],
    ["1d", 86_400_000],
    ["daily", 86_400_000],
    ["hourly", 3_600_000],
    ["12h", 43_200_000],
  ])("the one duration parser reads %j", (value, ms) => expect(parseDuration(value)).toBe(ms));

  it.each(["", "soon", "-5", "15 minutes", "0"])("and refuses %j", (value) => expect(parseDuration(value)).toBeNull());

  it("gives every documented default", () => {
    expect(parseConfig({})).toMatchObject({
      VERIFY_TIMEOUT: 900_000,
      VERIFY_COOLDOWN: 30_000,
      VERIFY_DAILY_ORG_LIMIT: 50,
      VERIFY_DAILY_ADDRESS_LIMIT: 10,
      FORWARDING_CHECK_INTERVAL: 86_400_000,
      INBOUND_RETENTION_DAYS: 90,
      INBOUND_MAX_PER_MAILBOX: 5000,
      VERIFICATION_RETENTION_DAYS: 30,
      AUDIT_RETENTION_DAYS: 730,
      DATABASE_POOL_SIZE: 10,
      DATABASE_CONNECT_TIMEOUT_S: 5,
      DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
      DATABASE_IDLE_TX_TIMEOUT_MS: 60_000,
      READINESS_TIMEOUT_MS: 3000,
      JOBS_POOL_SIZE: 3,
      PLATFORM_NAME: "INO cx",
      PLATFORM_MAIL_DOMAIN: "ino.cx",
      E2E_SEED: false,
    });
    expect(
      parseConfig({ VERIFY_TIMEOUT: "1s", FORWARDING_CHECK_INTERVAL: "12h", PLATFORM_MAIL_DOMAIN: "Mail.Example." }),
    ).toMatchObject({
      VERIFY_TIMEOUT: 1000,
      FORWARDING_CHECK_INTERVAL: 43_200_000,
      PLATFORM_MAIL_DOMAIN: "mail.example",
    });
  });

  it.each([
    ["VERIFY_COOLDOWN", "soon"],
    ["VERIFY_DAILY_ORG_LIMIT", "many"],
    ["VERIFY_DAILY_ADDRESS_LIMIT", "0"],
    ["INBOUND_RETENTION_DAYS", "-1"],
    ["DATABASE_POOL_SIZE", "1.5"],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "fast"],
    ["PORT", "70000"],
  ])("a bad %s is a start-up error naming the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`Configuration error: .*${name}="${value}"`));
  });

  it("VERIFY_TIMEOUT and FORWARDING_CHECK_INTERVAL keep their documented fallback, with a log line", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(parseConfig({ VERIFY_TIMEOUT: "later" }).VERIFY_TIMEOUT).toBe(900_000);
    expect(parseConfig({ FORWARDING_CHECK_INTERVAL: "1m" }).FORWARDING_CHECK_INTERVAL).toBe(86_400_000); // below 5 minutes
    expect(warn.mock.calls.flat().join("\n")).toMatch(/VERIFY_TIMEOUT="later"[\s\S]*FORWARDING_CHECK_INTERVAL="1m"/);
  });

  it("links in emails use APP_URL, else BETTER_AUTH_URL, else localhost on PORT", () => {
    expect(appUrl(parseConfig({ APP_URL: "https://a.example", BETTER_AUTH_URL: "https://b.example" }))).toBe(
      "https://a.example",
    );
    expect(appUrl(parseConfig({ BETTER_AUTH_URL: "https://b.example" }))).toBe("https://b.example");
    expect(appUrl(parseConfig({ PORT: "3100" }))).toBe("http://localhost:3100");
  });
});
