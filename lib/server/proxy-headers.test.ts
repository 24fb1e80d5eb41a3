import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { publicUrlProblem } from "./public-url";
import { SOCKET_PROTO_HEADER } from "@/lib/http/request-facts";
import { parseConfig } from "@/lib/config";

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

const run = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, "http://localhost:3000"), { headers }));

describe("proxy.ts security headers", () => {
  it("sets a nonce CSP (fresh each time) and the static headers, without HSTS over plain HTTP", () => {
    const a = run("/maker/mailboxes");
    const b = run("/maker/mailboxes");
    expect(a.headers.get("content-security-policy")).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'; .*frame-ancestors 'none'/,
    );
    expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS over HTTPS: a TLS socket, or a trusted proxy's X-Forwarded-Proto, never a client's claim alone", () => {
    expect(run("/", { [SOCKET_PROTO_HEADER]: "https" }).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(run("/", { "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toBeNull();
    process.env.TRUST_PROXY = "1";
    expect(run("/", { "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("answers a malformed percent-encoding with a branded 400 that carries the headers too", async () => {
    const r = run("/maker/%E0%A4%A");
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("This address is not valid");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("the public URL in production", () => {
  it("refuses an http address other than localhost, with what to set", () => {
    expect(
      publicUrlProblem(parseConfig({ NODE_ENV: "production", BETTER_AUTH_URL: "http://maker.example.com" })),
    ).toMatch(/is not https.*Set BETTER_AUTH_URL.*TRUST_PROXY=1/);
    expect(
      publicUrlProblem(parseConfig({ NODE_ENV: "production", BETTER_AUTH_URL: "https://maker.example.com" })),
    ).toBeNull();
    expect(
      publicUrlProblem(parseConfig({ NODE_ENV: "production", BETTER_AUTH_URL: "http://localhost:3000" })),
    ).toBeNull();
    expect(publicUrlProblem(parseConfig({ NODE_ENV: "production" }))).toBeNull();
    expect(
      publicUrlProblem(parseConfig({ NODE_ENV: "development", BETTER_AUTH_URL: "http://maker.example.com" })),
    ).toBeNull();
  });
});
