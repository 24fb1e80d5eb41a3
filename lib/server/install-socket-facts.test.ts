import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { installSocketFacts } from "./install-socket-facts";
import { SOCKET_ADDRESS_HEADER, SOCKET_PROTO_HEADER, clientAddress, isHttpsRequest } from "@/lib/http/request-facts";

// A server like `next start`'s: the handler sees the request after the stamp, and sets a session cookie.
async function request(headers: Record<string, string>) {
  const server = http.createServer((req, res) => {
    const h = { get: (n: string) => (req.headers[n] as string | undefined) ?? null };
    res.setHeader("set-cookie", ["better-auth.session_token=abc; Path=/; HttpOnly; SameSite=Lax"]);
    res.end(
      JSON.stringify({
        socket: req.headers[SOCKET_ADDRESS_HEADER],
        proto: req.headers[SOCKET_PROTO_HEADER],
        client: clientAddress(h),
        https: isHttpsRequest(h),
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
    return {
      body: (await res.json()) as { socket: string; proto: string; client: string; https: boolean },
      cookie: res.headers.getSetCookie()[0],
    };
  } finally {
    server.close();
  }
}

beforeAll(() => installSocketFacts());
afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("client address and HTTPS come from the socket unless a proxy is declared trusted", () => {
  it("replaces a client's forged socket headers and ignores X-Forwarded-* by default; no Secure cookie over plain HTTP", async () => {
    const { body, cookie } = await request({
      [SOCKET_ADDRESS_HEADER]: "6.6.6.6",
      [SOCKET_PROTO_HEADER]: "https",
      "x-forwarded-for": "7.7.7.7",
      "x-forwarded-proto": "https",
    });
    expect(body).toEqual({ socket: "127.0.0.1", proto: "http", client: "127.0.0.1", https: false });
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("behind a declared TLS proxy (TRUST_PROXY=1, X-Forwarded-Proto: https) the session cookie is Secure and the client is the proxy's entry", async () => {
    process.env.TRUST_PROXY = "1";
    const { body, cookie } = await request({
      "x-forwarded-for": "6.6.6.6, 198.51.100.7",
      "x-forwarded-proto": "https",
    });
    expect(body).toMatchObject({ client: "198.51.100.7", https: true });
    expect(cookie).toMatch(/^better-auth\.session_token=abc; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it("a declared proxy that forwarded plain HTTP gets no Secure cookie", async () => {
    process.env.TRUST_PROXY = "1";
    const { cookie } = await request({ "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "http" });
    expect(cookie).not.toMatch(/Secure/);
  });
});
