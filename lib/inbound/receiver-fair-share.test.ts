import { afterEach, describe, expect, it } from "vitest";
import { createSmtpReceiver, type SmtpReceiver, type SmtpReceiverOptions } from "./create-smtp-receiver";
import { smtpClientKey } from "./smtp-client-key";
import { smtpDialog } from "@/tests/smtp-test-client";

// Issue 20 item 3 (R21 fair share): one client cannot hold every connection slot, neither with many connections
// nor by keeping one session alive with NOOPs.

let receiver: SmtpReceiver | undefined;
const log = { info: () => {}, error: () => {} };
async function start(options: Partial<SmtpReceiverOptions> = {}) {
  receiver = createSmtpReceiver({ port: 0, host: "::", log, closeTimeoutMs: 300, ...options });
  return (await receiver.start()).port;
}
afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

type Dialog = Awaited<ReturnType<typeof smtpDialog>>;
/** Opens `n` connections from `host` at once; each resolves with its dialog (greeting) or the refusal. */
async function connectMany(port: number, host: string, n: number) {
  const settled = await Promise.allSettled(Array.from({ length: n }, () => smtpDialog(port, host)));
  return settled.map((s) => (s.status === "fulfilled" ? s.value : null)).filter((d): d is Dialog => d !== null);
}

describe("the key a client is counted under", () => {
  it("is the IPv4 address, also IPv4-mapped, and the /64 of an IPv6 address", () => {
    expect(smtpClientKey("192.0.2.7")).toBe("192.0.2.7");
    expect(smtpClientKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(smtpClientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(smtpClientKey("2001:0db8:0001:0002:ffff:eeee:dddd:cccc")).toBe("2001:db8:1:2::/64");
    expect(smtpClientKey("2001:db8:1:2:aaaa::9")).toBe(smtpClientKey("2001:db8:1:2::1"));
    expect(smtpClientKey("2001:db8:1:3::1")).not.toBe(smtpClientKey("2001:db8:1:2::1"));
    expect(smtpClientKey("::1")).toBe("0:0:0:0::/64");
    expect(smtpClientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});

describe("R21 connections per client", () => {
  for (const [family, crowd, other] of [
    ["IPv4", "127.0.0.1", "::1"],
    ["IPv6 (::1, counted by its /64)", "::1", "127.0.0.1"],
  ] as const) {
    it(`${family}: 100 connections from one client get 10 greetings and 421 4.7.0; another client is still greeted`, async () => {
      const port = await start({ maxConnections: 200, maxConnectionsPerClient: 10 });
      const dialogs = await connectMany(port, crowd, 100);
      const greeted = dialogs.filter((d) => d.greeting.startsWith("220 "));
      const refused = dialogs.filter((d) => d.greeting.startsWith("421 "));
      expect(greeted).toHaveLength(10);
      expect(refused).toHaveLength(90);
      expect(refused[0].greeting).toMatch(/^421 4\.7\.0 Too many connections from your address/);
      const someoneElse = await smtpDialog(port, other);
      expect(someoneElse.greeting).toMatch(/^220 /);
      // A slot given back is free again for the same client.
      greeted[0].destroy();
      await new Promise((r) => setTimeout(r, 100));
      const again = await smtpDialog(port, crowd);
      expect(again.greeting).toMatch(/^220 /);
      for (const d of [...dialogs, someoneElse, again]) d.destroy();
    });
  }
});

describe("R21 a session must finish a message within its limit", () => {
  it("ends a session that only sends NOOPs, at the limit, however often it sends them", async () => {
    const port = await start({ sessionIdleMs: 600, socketTimeoutMs: 60_000 });
    const started = Date.now();
    const s = await smtpDialog(port, "127.0.0.1");
    await s.send("EHLO x");
    let last = "";
    try {
      while (Date.now() - started < 3000) {
        await new Promise((r) => setTimeout(r, 50)); // a NOOP every 50 ms, far inside the idle timeout
        last = await s.send("NOOP");
        if (!last.startsWith("250")) break;
      }
    } catch {
      // the connection closed right after the 421
    }
    expect(last).toMatch(/^421 4\.4\.2 .*No message finished in/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(Date.now() - started).toBeLessThan(1500);
    s.destroy();
  });

  it("gives the session its time again after each finished message", async () => {
    const port = await start({ sessionIdleMs: 500 });
    const s = await smtpDialog(port, "127.0.0.1");
    await s.send("EHLO x");
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 300)); // 900 ms in all, longer than the limit
      expect(await s.send("MAIL FROM:<a@x.example>")).toMatch(/^250/);
      // No alias exists here: the message is refused, but the transaction is finished all the same.
      expect(await s.send("RCPT TO:<postmaster>")).toMatch(/^250/);
      expect(await s.send("DATA")).toMatch(/^354/);
      expect(await s.send(`Message-ID: <fair-${i}@x.example>\r\nSubject: n${i}\r\n\r\nbody\r\n.`)).toMatch(/^250 /);
    }
    await s.send("QUIT");
  });
});
