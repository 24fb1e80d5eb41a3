import { randomInt, randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { session } from "@/db/schema";
import { CLIENT_ADDRESS_HEADER, SOCKET_ADDRESS_HEADER } from "@/lib/http/request-facts";
import { TEST_PASSWORD, createTestOrg } from "@/tests/fixtures";
import { setRequestHeaders } from "@/tests/request-context";
import { signInAction } from "./sign-in";

const socket = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
const from = (address: string, extra: Record<string, string> = {}) =>
  setRequestHeaders(new Headers({ [SOCKET_ADDRESS_HEADER]: address, ...extra }));
const message = (r: unknown) => (r as { serverError?: { message?: string } })?.serverError?.message;

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

const LOCKED =
  "Too many attempts for this account from this device: try again in 15 minutes, " +
  "or ask an administrator of your organisation to clear your sign-in limit (Settings, Members).";

describe("sign-in is limited (issue 11, R31)", () => {
  it("after 5 wrong passwords from one address even the right one is refused there, with the same answer as for an unknown account", async () => {
    const t = await createTestOrg();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@test.example`;
    for (const email of [t.admin.email, unknown]) {
      from(socket());
      for (let i = 0; i < 5; i++)
        expect(message(await signInAction({ email, password: "wrong-password" }))).toBe(
          "Email or password is incorrect.",
        );
      expect(message(await signInAction({ email, password: TEST_PASSWORD }))).toBe(LOCKED);
    }
  });

  it("issue 20.1: one client that keeps guessing locks no one out; the owner signs in from another address", async () => {
    const t = await createTestOrg();
    const attacker = socket();
    from(attacker);
    for (let i = 0; i < 30; i++) await signInAction({ email: t.admin.email, password: `guess-${i}` });
    expect(message(await signInAction({ email: t.admin.email, password: TEST_PASSWORD }))).toMatch(/^Too many/);
    from(socket());
    expect((await signInAction({ email: t.admin.email, password: TEST_PASSWORD }))?.data).toEqual({
      next: "/maker/mailboxes",
    });
  });

  it("a success clears the account's delay and the address's count for it", async () => {
    const t = await createTestOrg();
    from(socket());
    for (let i = 0; i < 4; i++) await signInAction({ email: t.admin.email, password: "wrong-password" });
    expect((await signInAction({ email: t.admin.email, password: TEST_PASSWORD }))?.data).toEqual({
      next: "/maker/mailboxes",
    });
    for (let i = 0; i < 4; i++)
      expect(message(await signInAction({ email: t.admin.email, password: "wrong-password" }))).toBe(
        "Email or password is incorrect.",
      );
  });

  it("issue 20.6: the session records the address decided by TRUST_PROXY, not the client's X-Forwarded-For", async () => {
    const t = await createTestOrg();
    const ip = `10.${randomInt(255)}.${randomInt(255)}.${randomInt(255)}`;
    from(ip, { "x-forwarded-for": "6.6.6.6", [CLIENT_ADDRESS_HEADER]: "7.7.7.7" });
    expect((await signInAction({ email: t.admin.email, password: TEST_PASSWORD }))?.data).toBeDefined();
    const [row] = await getDb()
      .select({ ip: session.ipAddress })
      .from(session)
      .where(eq(session.userId, t.admin.id))
      .orderBy(desc(session.createdAt))
      .limit(1);
    expect(row.ip).toBe(ip);
  });

  it("rotating X-Forwarded-For does not escape the per-address limit when no proxy is trusted", async () => {
    const address = socket();
    for (let i = 0; i < 20; i++) {
      from(address, { "x-forwarded-for": `203.0.113.${i + 1}` });
      expect(
        message(
          await signInAction({ email: `nobody-${randomUUID().slice(0, 8)}@test.example`, password: "wrong-password" }),
        ),
      ).toBe("Email or password is incorrect.");
    }
    from(address, { "x-forwarded-for": "203.0.113.99" });
    expect(
      message(
        await signInAction({ email: `nobody-${randomUUID().slice(0, 8)}@test.example`, password: "wrong-password" }),
      ),
    ).toBe("Too many sign-in attempts from your network: try again in 15 minutes, or from another network.");
  });

  it("behind a declared proxy (TRUST_PROXY=1) the address is the one the proxy appended", async () => {
    process.env.TRUST_PROXY = "1";
    const proxy = socket();
    const client = socket();
    for (let i = 0; i < 20; i++) {
      from(proxy, { "x-forwarded-for": `6.6.6.${i}, ${client}` }); // the first entry is the client's own claim
      await signInAction({ email: `nobody-${randomUUID().slice(0, 8)}@test.example`, password: "wrong-password" });
    }
    from(proxy, { "x-forwarded-for": `7.7.7.7, ${client}` });
    expect(
      message(await signInAction({ email: `nobody-${randomUUID().slice(0, 8)}@test.example`, password: "x" })),
    ).toMatch(/^Too many sign-in attempts from your network/);
    from(proxy, { "x-forwarded-for": socket() });
    expect(
      message(await signInAction({ email: `nobody-${randomUUID().slice(0, 8)}@test.example`, password: "x" })),
    ).toBe("Email or password is incorrect.");
  });
});
