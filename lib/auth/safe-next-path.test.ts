import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, nextParam, safeNextPath } from "./safe-next-path";

// Known open-redirect bypasses (OWASP, PortSwigger and bug-bounty write-ups), each must land on the default.
const BYPASSES = [
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\t\\evil.example",
  "/\u0000/evil.example",
  "/ /evil.example",
  "/%2f%2fevil.example",
  "/%2F/evil.example",
  "/%5c/evil.example",
  "/%5C%5Cevil.example",
  "/%252f/evil.example",
  "https://evil.example",
  "http://evil.example/maker/mailboxes",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "/javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "//user@evil.example",
  "/@evil.example",
  "@evil.example",
  "https:evil.example",
  "https:/evil.example",
  "evil.example",
  "maker/mailboxes",
  "./maker",
  "../maker",
  "/maker/../../evil",
  "/maker/%2e%2e/%2e%2e/api/auth",
  "/maker/..%2f..%2fevil",
  "/api/auth/sign-out",
  "/sign-in",
  "/",
  "",
  "\u2028/evil.example",
  "/\u0085/evil.example",
  "%2f%2fevil.example",
  "/maker\\@evil.example",
  "/.evil.example",
  "x".repeat(3000),
];

describe("safe next path after sign-in (no open redirect)", () => {
  it.each(BYPASSES.map((b) => [JSON.stringify(b).slice(0, 60), b]))("refuses %s", (_label, next) => {
    expect(safeNextPath(next)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("refuses values that are not one string (repeated parameters, objects)", () => {
    expect(safeNextPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeNextPath(null)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeNextPath(["/maker/queues", "//evil.example"])).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeNextPath({ toString: () => "/maker/queues" })).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(nextParam(["/maker/queues", "/maker/settings"])).toBeUndefined();
    expect(nextParam("/maker/queues")).toBe("/maker/queues");
  });

  it("keeps the app's own paths, with their query and fragment", () => {
    expect(safeNextPath("/maker/settings")).toBe("/maker/settings");
    expect(safeNextPath("/maker")).toBe("/maker");
    expect(safeNextPath("/maker/mailboxes/0d6c2a4e-1111-4111-8111-111111111111/edit")).toBe(
      "/maker/mailboxes/0d6c2a4e-1111-4111-8111-111111111111/edit",
    );
    expect(safeNextPath("/maker/mailboxes?q=support#top")).toBe("/maker/mailboxes?q=support#top");
    expect(safeNextPath("/maker/queues?x=//evil.example")).toBe("/maker/queues?x=//evil.example");
  });

  it("never returns anything but a single-slash path of this app, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 80 }),
        fc.constantFrom("", "/", "//", "/maker/", "\\", "/%2f"),
        (s, prefix) => {
          const out = safeNextPath(prefix + s);
          expect(out.startsWith("/maker")).toBe(true);
          expect(out.startsWith("//")).toBe(false);
          expect(new URL(out, "https://app.test").origin).toBe("https://app.test");
        },
      ),
      { numRuns: 2000 },
    );
  });
});
