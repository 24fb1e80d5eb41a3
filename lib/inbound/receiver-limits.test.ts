import { eq } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { forwardingVerification, inboundMessage } from "@/db/schema";
import { aliasAddress } from "@/lib/alias";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { createSmtpReceiver, type SmtpReceiver, type SmtpReceiverOptions } from "./create-smtp-receiver";
import { isPostmasterAddress } from "./deliver-to-postmaster";
import { bigMessage, sendRaw, smtpDialog } from "@/tests/smtp-test-client";

// Issue 13: the receiver in constant memory, with bounds on connections, transaction time and header size, and
// mail to postmaster accepted as RFC 5321 4.5.1 requires.

const messagesOf = (mailboxId: string) =>
  getDb().select().from(inboundMessage).where(eq(inboundMessage.mailboxId, mailboxId));
let receiver: SmtpReceiver | undefined;
let t: TestOrg;
let support: Awaited<ReturnType<typeof insertTestMailbox>>;
const alias = (m: { aliasToken: string }) => aliasAddress(m.aliasToken, t.org.slug);
const logLines: string[] = [];
const log = { info: (l: string) => void logLines.push(l), error: (l: string) => void logLines.push(l) };

async function start(options: Partial<SmtpReceiverOptions> = {}) {
  receiver = createSmtpReceiver({ port: 0, host: "127.0.0.1", log, closeTimeoutMs: 300, ...options });
  return (await receiver.start()).port;
}
beforeEach(async () => {
  t = await createTestOrg();
  support = await insertTestMailbox(t, { localPart: "support" });
  logLines.length = 0;
});
afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

describe("constant memory and a connection limit", () => {
  it("records 10 concurrent 25 MB messages without holding them, and answers a 26th connection beyond a limit of 25 with 421", async () => {
    const reads: { sizeBytes: number; heldBytes: number }[] = [];
    const port = await start({
      maxConnections: 25,
      maxConnectionsPerClient: 100,
      onMessageRead: (r) => void reads.push(r),
    });
    const size = 25 * 1024 * 1024 - 64 * 1024;
    const transports = Array.from({ length: 10 }, () =>
      createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, socketTimeout: 120_000 }),
    );
    const sending = transports.map((tr, i) =>
      tr.sendMail({
        envelope: { from: `big${i}@customer-mail.example`, to: [alias(support)] },
        raw: bigMessage(i, size),
      }),
    );
    // 15 more clients that only greet: 25 connections in all.
    const idle = await Promise.all(Array.from({ length: 15 }, () => smtpDialog(port)));
    await new Promise((r) => setTimeout(r, 200));
    const extra = await smtpDialog(port);
    expect(extra.greeting).toMatch(/^421 .*Too many connected clients/);
    const results = await Promise.allSettled(sending);
    for (const tr of transports) tr.close();
    for (const d of idle) d.destroy();
    extra.destroy();
    expect(results.map((r) => r.status)).toEqual(Array(10).fill("fulfilled"));
    const rows = await messagesOf(support.id);
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.sizeBytes).toBeGreaterThanOrEqual(size);
      expect(row.subject).toMatch(/^Big \d$/);
      expect(row.headerFrom).toMatch(/^Big Sender <big\d@customer-mail\.example>$/);
    }
    // 250 MB went through; the receiver held the header block and at most 64 kB of each body (the bench
    // reports the resident memory of a receiver process under the same load).
    expect(reads).toHaveLength(10);
    for (const r of reads) {
      expect(r.sizeBytes).toBeGreaterThanOrEqual(size);
      expect(r.heldBytes).toBeLessThanOrEqual(64 * 1024 + 1024);
    }
  }, 180_000);
});

describe("a bound on a transaction's time", () => {
  it("closes a connection that trickles its message one byte at a time with 421, records nothing, and serves on", async () => {
    const port = await start({ maxTransactionMs: 1500, socketTimeoutMs: 60_000 });
    await expectUnchanged(t.org.id, async () => {
      const s = await smtpDialog(port);
      await s.send("EHLO x");
      await s.send("MAIL FROM:<slow@x.example>");
      await s.send(`RCPT TO:<${alias(support)}>`);
      expect(await s.send("DATA")).toMatch(/^354/);
      const reply = s.reply();
      const started = Date.now();
      const trickle = setInterval(() => s.write("a"), 100); // each byte restarts the idle timeout
      const answer = await reply;
      clearInterval(trickle);
      expect(answer).toMatch(/^421 4\.4\.2 .*Transaction time limit/);
      expect(Date.now() - started).toBeLessThan(3000);
      s.destroy();
    });
    expect(
      (
        await sendRaw(
          port,
          { from: "a@x.example", to: [alias(support)] },
          "Message-ID: <after-trickle@x.example>\r\nSubject: hi\r\n\r\nhello\r\n",
        )
      ).ok,
    ).toBe(true);
  });

  it("gives each message on a kept-open connection its own time", async () => {
    const port = await start({ maxTransactionMs: 1000 });
    const s = await smtpDialog(port);
    await s.send("EHLO x");
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 500)); // 1.5 s in all, longer than one transaction's limit
      expect(await s.send("MAIL FROM:<a@x.example>")).toMatch(/^250/);
      expect(await s.send(`RCPT TO:<${alias(support)}>`)).toMatch(/^250/);
      expect(await s.send("DATA")).toMatch(/^354/);
      expect(await s.send(`Message-ID: <kept-${i}@x.example>\r\nSubject: n${i}\r\n\r\nbody\r\n.`)).toMatch(
        /^250 2\.6\.0 OK/,
      );
    }
    await s.send("QUIT");
    expect(await messagesOf(support.id)).toHaveLength(3);
  });
});

describe("postmaster (RFC 5321 4.5.1)", () => {
  it("knows the postmaster addresses: bare and at the platform's domains only", () => {
    expect(isPostmasterAddress("postmaster")).toBe(true);
    expect(isPostmasterAddress("PostMaster@ino.cx")).toBe(true);
    expect(isPostmasterAddress("postmaster@demo.ino.cx")).toBe(true);
    expect(isPostmasterAddress("postmaster@mycompany.com")).toBe(false);
    expect(isPostmasterAddress("postmaster@evilino.cx")).toBe(false);
    expect(isPostmasterAddress("postmaster2@ino.cx")).toBe(false);
  });

  it("accepts mail to postmaster and passes it on to POSTMASTER_FORWARD_TO, whole", async () => {
    const sent: { envelope: { from: string; to: string }; raw: string }[] = [];
    const port = await start({
      postmaster: {
        forwardTo: "ops@operator.example",
        send: async (envelope, raw) => void sent.push({ envelope, raw: raw.toString() }),
      },
    });
    const s = await smtpDialog(port);
    await s.send("EHLO x");
    await s.send("MAIL FROM:<admin@remote.example>");
    expect(await s.send("RCPT TO:<postmaster>")).toMatch(/^250/);
    expect(await s.send("RCPT TO:<Postmaster@ino.cx>")).toMatch(/^250/);
    expect(await s.send("RCPT TO:<postmaster@mycompany.com>")).toMatch(/^550 5\.1\.1/);
    await s.send("DATA");
    const message =
      "Message-ID: <pm-1@remote.example>\r\nFrom: admin@remote.example\r\nSubject: Your server rejects our mail\r\n\r\nSee the log below.\r\n";
    expect(await s.send(`${message}.`)).toMatch(/^250 2\.6\.0 OK: delivered to postmaster/);
    await s.send("QUIT");
    expect(sent).toEqual([{ envelope: { from: "postmaster@ino.cx", to: "ops@operator.example" }, raw: message }]);
    expect(logLines.join("\n")).toMatch(
      /Mail to postmaster from admin@remote\.example .*"Your server rejects our mail".*passed on to ops@operator\.example/,
    );
  });

  it("records mail to postmaster in the log when POSTMASTER_FORWARD_TO is not set, and answers 451 when passing it on fails", async () => {
    const port = await start({ postmaster: { forwardTo: null } });
    expect(
      (
        await sendRaw(
          port,
          { from: "a@remote.example", to: ["postmaster@ino.cx"] },
          "Message-ID: <pm-2@remote.example>\r\nSubject: abuse report\r\n\r\nx\r\n",
        )
      ).ok,
    ).toBe(true);
    expect(logLines).toEqual([
      expect.stringMatching(
        /Mail to postmaster from a@remote\.example .*"abuse report".*POSTMASTER_FORWARD_TO is not set/,
      ),
    ]);
    await receiver?.stop();
    const failing = await start({
      postmaster: { forwardTo: "ops@operator.example", send: async () => Promise.reject(new Error("ECONNREFUSED")) },
    });
    const sent = await sendRaw(failing, { from: "a@remote.example", to: ["postmaster"] }, "Subject: x\r\n\r\nx\r\n");
    expect(sent).toMatchObject({ ok: false, responseCode: 451 });
  });
});

describe("the protocol's own rules", () => {
  it("advertises ENHANCEDSTATUSCODES, and each reply carries one enhanced code", async () => {
    const port = await start();
    const s = await smtpDialog(port);
    expect(await s.send("EHLO x")).toMatch(/^250-ENHANCEDSTATUSCODES$/m);
    expect(await s.send("MAIL FROM:<a@x.example>")).toMatch(/^250 2\.1\.0 /);
    expect(await s.send("RCPT TO:<nobody@elsewhere.example>")).toMatch(
      /^550 5\.1\.1 <nobody@elsewhere\.example>: not a mailbox alias/,
    );
    expect(await s.send("DATA")).toMatch(/^503 5\.5\.1 /);
    await s.send("QUIT");
  });

  it("refuses a header block past the limit with a 552 that says so, and records nothing", async () => {
    const port = await start({ maxHeaderBytes: 8 * 1024 });
    const long = `Message-ID: <long-header@x.example>\r\nFrom: a@x.example\r\n${Array.from({ length: 200 }, (_, i) => `X-Filler-${i}: ${"f".repeat(60)}`).join("\r\n")}\r\nSubject: lost\r\n\r\nbody\r\n`;
    await expectUnchanged(t.org.id, async () => {
      const sent = await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, long);
      expect(sent).toMatchObject({ ok: false, responseCode: 552 });
      expect((sent as { response: string }).response).toMatch(
        /^552 5\.3\.4 The message's header block is longer than 8 kB/,
      );
    });
  });

  it("refuses a header block that mailparser's splitter would cut (too many header lines for its limit)", async () => {
    const port = await start({ maxHeaderBytes: 4 * 1024 * 1024 });
    const lines = Array.from({ length: 20_000 }, (_, i) => `X${i}: y`).join("\r\n");
    const sent = await sendRaw(
      port,
      { from: "a@x.example", to: [alias(support)] },
      `Message-ID: <many-lines@x.example>\r\n${lines}\r\nSubject: lost\r\n\r\nbody\r\n`,
    );
    expect(sent).toMatchObject({ ok: false, responseCode: 552 });
    expect(await messagesOf(support.id)).toHaveLength(0);
  });
});

describe("what the header-only path still reads from the body", () => {
  it("R22 completes a verification whose token is only in the body (quoted-printable, split by a soft line break)", async () => {
    const port = await start();
    const token = "fv-abcdefghijklmnopqrstuvwxyz";
    await getDb()
      .insert(forwardingVerification)
      .values({
        orgId: t.org.id,
        mailboxId: support.id,
        token,
        address: `support@${t.domains[0].domain}`,
        expiresAt: new Date(Date.now() + 15 * 60_000),
      });
    const body = `Forwarded message.\r\nVerification token: fv-abcdefghijklm=\r\nnopqrstuvwxyz\r\n`;
    const raw = `Message-ID: <fwd-1@x.example>\r\nFrom: someone@mycompany.com\r\nSubject: Fwd: a message\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body}`;
    const sent = await sendRaw(port, { from: "support@mycompany.com", to: [alias(support)] }, raw);
    expect(sent.ok).toBe(true);
    const [v] = await getDb()
      .select()
      .from(forwardingVerification)
      .where(eq(forwardingVerification.mailboxId, support.id));
    expect(v.verifiedAt).not.toBeNull();
  });

  it("R24 recognises a retried copy of a message without Message-ID (the id is generated from all its bytes)", async () => {
    const port = await start();
    const raw = `From: a@x.example\r\nSubject: no id\r\n\r\n${"line\r\n".repeat(50_000)}`;
    expect((await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, raw)).ok).toBe(true);
    expect((await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, raw)).ok).toBe(true);
    expect((await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, `${raw}different ending\r\n`)).ok).toBe(
      true,
    );
    const rows = await messagesOf(support.id);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => /no-message-id@ino\.cx>$/.test(r.messageId))).toBe(true);
  });
});
