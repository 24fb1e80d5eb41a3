import { resetConfigForTests } from "@/lib/config";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db";
import { openDatabase } from "@/db/client";
import { inboundMessage, mailbox } from "@/db/schema";
import { aliasAddress } from "@/lib/alias";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { createSmtpReceiver, type SmtpReceiver } from "./create-smtp-receiver";
import { createTestKey, dkimRecordName, signRaw, startTestDns } from "@/tests/dkim-test-kit";
import { findProviderConfirmation } from "@/lib/provider-confirmations/find-provider-confirmation";
import { sendRaw, smtpDialog } from "@/tests/smtp-test-client";
import { parseConfig } from "@/lib/config";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name));
const messagesOf = (mailboxId: string) =>
  getDb().select().from(inboundMessage).where(eq(inboundMessage.mailboxId, mailboxId));
const mailboxRow = async (id: string) => (await getDb().select().from(mailbox).where(eq(mailbox.id, id)))[0];

let receiver: SmtpReceiver;
let port: number;
let t: TestOrg;
let support: Awaited<ReturnType<typeof insertTestMailbox>>;
let billing: Awaited<ReturnType<typeof insertTestMailbox>>;
const alias = (m: { aliasToken: string }) => aliasAddress(m.aliasToken, t.org.slug);
const logLines: string[] = [];
const log = { info: (l: string) => void logLines.push(l), error: (l: string) => void logLines.push(l) };

beforeAll(async () => {
  // Every test client connects from 127.0.0.1: the fair share per client is tested in receiver-fair-share.test.ts.
  const maxConnectionsPerClient = 100;
  receiver = createSmtpReceiver({
    port: 0,
    host: "127.0.0.1",
    maxSize: 256 * 1024,
    log,
    closeTimeoutMs: 500,
    maxConnectionsPerClient,
  });
  port = (await receiver.start()).port;
});
afterAll(async () => {
  await receiver.stop();
});
beforeEach(async () => {
  t = await createTestOrg();
  support = await insertTestMailbox(t, { localPart: "support" });
  billing = await insertTestMailbox(t, { localPart: "billing" });
  logLines.length = 0;
});

describe("R21 mail to an active mailbox's alias", () => {
  it("is accepted and recorded with its envelope, header From, subject, Message-ID and size; the mailbox shows it", async () => {
    const raw = fixture("forwarded-customer-message.eml");
    const sent = await sendRaw(port, { from: "support+caf_=x@mycompany.com", to: [alias(support)] }, raw);
    expect(sent).toMatchObject({ ok: true, accepted: [alias(support)] });
    const [row] = await messagesOf(support.id);
    expect(row).toMatchObject({
      orgId: t.org.id,
      envelopeFrom: "support+caf_=x@mycompany.com",
      headerFrom: "Jeanne Martin <jeanne.martin@customer-mail.example>",
      subject: "Order 48213: the parcel has not arrived",
      messageId: "<b7c1e2f0-5a44-4c1e-9d0b-3f2a8e6c1d90@customer-mail.example>",
      autoSubmitted: false,
      confirmationCode: null,
    });
    expect(row.sizeBytes).toBeGreaterThanOrEqual(raw.length - 5);
    const m = await mailboxRow(support.id);
    expect(m.lastReceivedAt?.getTime()).toBe(row.receivedAt.getTime());
    expect(m.lastReceivedFrom).toBe("jeanne.martin@customer-mail.example");
    expect(await messagesOf(billing.id)).toHaveLength(0);
  });

  it("goes by the envelope recipient, not the To header, and one message to two aliases is recorded for both", async () => {
    // The message says To: support@mycompany.com; only the envelope names the aliases.
    const sent = await sendRaw(
      port,
      { from: "jeanne@customer-mail.example", to: [alias(support), alias(billing).toUpperCase()] },
      fixture("forwarded-customer-message.eml"),
    );
    expect(sent.ok).toBe(true);
    expect(await messagesOf(support.id)).toHaveLength(1);
    expect(await messagesOf(billing.id)).toHaveLength(1);
  });

  it("records an authentic Gmail confirmation's code and link for the mailbox, and a look-alike as ordinary mail (R23, R28)", async () => {
    const key = createTestKey();
    const dns = await startTestDns({ [dkimRecordName(key)]: key.txt });
    process.env.DNS_SERVERS = dns.server;
    resetConfigForTests();
    try {
      const forSupport = fixture("gmail-forwarding-confirmation.eml")
        .toString()
        .replaceAll("4hq7zt2mkp@demo.ino.cx", alias(support));
      await sendRaw(port, { from: "bounce@google.com", to: [alias(support)] }, await signRaw(forSupport, key));
      const [row] = await messagesOf(support.id);
      expect(row).toMatchObject({
        confirmationProvider: "gmail",
        confirmationCode: "417093852",
        providerAuth: "pass",
        kind: "provider",
      });
      expect(row.confirmationUrl).toMatch(/^https:\/\/mail-settings\.google\.com\/mail\/vf-[^?#]+$/);
      // Issue 18 item 2: the requester is stored once, when recorded; S4 reads it from there, not from the subject.
      expect(row.confirmationRequestedBy).toBe("support.mycompany@gmail.com");
      await getDb().update(inboundMessage).set({ subject: null }).where(eq(inboundMessage.id, row.id));
      expect((await findProviderConfirmation(t.org.id, support.id)).confirmation).toMatchObject({
        requestedBy: "support.mycompany@gmail.com",
      });
      await sendRaw(
        port,
        { from: "x@evil.example", to: [alias(billing)] },
        fixture("gmail-forwarding-confirmation.eml"),
      );
      const [spoof] = await messagesOf(billing.id);
      expect(spoof).toMatchObject({
        confirmationProvider: null,
        confirmationCode: null,
        confirmationUrl: null,
        providerAuth: "fail",
        kind: "customer",
      });
    } finally {
      delete process.env.DNS_SERVERS;
      resetConfigForTests();
      await dns.close();
    }
  });

  it("issue 20 item 5: a valid confirmation replayed to another alias is not shown there as authentic", async () => {
    const key = createTestKey();
    const dns = await startTestDns({ [dkimRecordName(key)]: key.txt });
    process.env.DNS_SERVERS = dns.server;
    resetConfigForTests();
    try {
      const forSupport = fixture("gmail-2025-no-code.eml").toString().replaceAll("ALIAS@demo.ino.cx", alias(support));
      const signed = await signRaw(forSupport, key);
      // Replayed alone to billing, and sent to both at once: only support's alias gets the confirmation.
      await sendRaw(port, { from: "x@attacker.example", to: [alias(billing)] }, signed);
      const replayed = await messagesOf(billing.id);
      expect(replayed).toHaveLength(1);
      expect(replayed[0]).toMatchObject({
        confirmationProvider: null,
        confirmationUrl: null,
        providerAuth: "fail",
        kind: "provider",
      });
      expect((await findProviderConfirmation(t.org.id, billing.id)).confirmation).toBeNull();
      await sendRaw(port, { from: "bounce@google.com", to: [alias(support), alias(billing)] }, signed);
      expect((await findProviderConfirmation(t.org.id, support.id)).confirmation).toMatchObject({ provider: "gmail" });
      expect((await findProviderConfirmation(t.org.id, billing.id)).confirmation).toBeNull();
    } finally {
      delete process.env.DNS_SERVERS;
      resetConfigForTests();
      await dns.close();
    }
  });

  it("records a confirmation whose key cannot be looked up (DNS unreachable) as not authenticated: not shown, and S4 says so (R28)", async () => {
    const key = createTestKey();
    process.env.DNS_SERVERS = "127.0.0.1:9";
    resetConfigForTests();
    try {
      await sendRaw(
        port,
        { from: "bounce@google.com", to: [alias(support)] },
        await signRaw(
          fixture("gmail-2025-no-code.eml").toString().replaceAll("ALIAS@demo.ino.cx", alias(support)),
          key,
        ),
      );
      const [row] = await messagesOf(support.id);
      expect(row).toMatchObject({
        providerAuth: "temperror",
        kind: "provider",
        confirmationProvider: null,
        confirmationUrl: null,
      });
      const found = await findProviderConfirmation(t.org.id, support.id);
      expect(found.confirmation).toBeNull();
      expect(found.unauthenticated?.receivedAt.getTime()).toBe(row.receivedAt.getTime());
    } finally {
      delete process.env.DNS_SERVERS;
      resetConfigForTests();
    }
  });
});

describe("R21 mail refused at RCPT TO, before any data, with a 5xx that says why", () => {
  it.each([
    ["an inactive mailbox's alias", "inactive", /^550 5\.2\.1 .*deactivated/],
    ["a deleted mailbox's alias", "deleted", /^550 5\.1\.1 .*deleted/],
    ["an unknown alias", "unknown", /^550 5\.1\.1 .*no mailbox has this alias/],
    ["a known token under another organisation's host", "wrong-org", /^550 5\.1\.1 .*no mailbox has this alias/],
    ["an address outside the platform's domain", "foreign", /^550 5\.1\.1 .*not a mailbox alias of this platform/],
  ])("refuses %s and records nothing", async (_label, kind, reply) => {
    let address = "";
    if (kind === "inactive") {
      await getDb().update(mailbox).set({ active: false }).where(eq(mailbox.id, support.id));
      address = alias(support);
    } else if (kind === "deleted") {
      await getDb().delete(mailbox).where(eq(mailbox.id, support.id)); // its alias token stays, never reissued
      address = alias(support);
    } else if (kind === "unknown") address = aliasAddress("zzzzzzzzzz9", t.org.slug);
    else if (kind === "wrong-org") address = aliasAddress(support.aliasToken, "another-org");
    else address = "support@mycompany.com";

    await expectUnchanged(t.org.id, async () => {
      const s = await smtpDialog(port);
      expect(await s.send("EHLO mx.sender.example")).toMatch(/^250/);
      expect(await s.send("MAIL FROM:<jeanne@customer-mail.example>")).toMatch(/^250/);
      expect(await s.send(`RCPT TO:<${address}>`)).toMatch(reply);
      expect(await s.send("DATA")).toMatch(/^503/); // no accepted recipient: no data is taken
      await s.send("QUIT");
      // nodemailer sees the same refusal
      const sent = await sendRaw(
        port,
        { from: "jeanne@customer-mail.example", to: [address] },
        fixture("forwarded-customer-message.eml"),
      );
      expect(sent).toMatchObject({ ok: false, code: "EENVELOPE" });
    });
  });

  it("refuses at the end of DATA a message whose mailbox was deactivated after RCPT TO (550), or one of whose mailboxes was (451, retry), recording nothing", async () => {
    const dialog = async (recipients: string[], between: () => Promise<unknown>) => {
      const s = await smtpDialog(port);
      await s.send("EHLO mx.sender.example");
      await s.send("MAIL FROM:<jeanne@customer-mail.example>");
      for (const r of recipients) expect(await s.send(`RCPT TO:<${r}>`)).toMatch(/^250/);
      expect(await s.send("DATA")).toMatch(/^354/);
      await between();
      s.write(fixture("forwarded-customer-message.eml"));
      const reply = await s.send("\r\n.");
      await s.send("QUIT");
      return reply;
    };
    expect(
      await dialog([alias(support)], () =>
        getDb().update(mailbox).set({ active: false }).where(eq(mailbox.id, support.id)),
      ),
    ).toMatch(/^550 5\.2\.1 .*deactivated/);
    await getDb().update(mailbox).set({ active: true }).where(eq(mailbox.id, support.id));
    expect(
      await dialog([alias(billing), alias(support)], () =>
        getDb().update(mailbox).set({ active: false }).where(eq(mailbox.id, support.id)),
      ),
    ).toMatch(/^451 4\.2\.1 /);
    expect(await messagesOf(support.id)).toHaveLength(0);
    expect(await messagesOf(billing.id)).toHaveLength(0);
    // The retry: RCPT TO refuses the deactivated one, the other gets the message.
    const sent = await sendRaw(
      port,
      { from: "jeanne@customer-mail.example", to: [alias(billing), alias(support)] },
      fixture("forwarded-customer-message.eml"),
    );
    expect(sent).toMatchObject({ ok: true, accepted: [alias(billing)], rejected: [alias(support)] });
    expect(await messagesOf(billing.id)).toHaveLength(1);
  });

  it("records nothing for a mailbox deactivated between two messages of one kept-open connection (the session's alias lookup is not taken on trust)", async () => {
    const s = await smtpDialog(port);
    await s.send("EHLO mx.sender.example");
    const message = async (i: number) => {
      expect(await s.send("MAIL FROM:<jeanne@customer-mail.example>")).toMatch(/^250/);
      const rcpt = await s.send(`RCPT TO:<${alias(support)}>`);
      if (!rcpt.startsWith("250")) {
        await s.send("RSET");
        return rcpt;
      }
      await s.send("DATA");
      return s.send(`Message-ID: <kept-open-${i}@x.example>\r\nSubject: n${i}\r\n\r\nbody\r\n.`);
    };
    expect(await message(1)).toMatch(/^250/);
    await getDb().update(mailbox).set({ active: false }).where(eq(mailbox.id, support.id));
    // RCPT TO may still go by the session's earlier lookup; the end of DATA checks the mailbox again.
    expect(await message(2)).toMatch(
      /^550 5\.2\.1 The mailbox of this alias was deactivated while the message was sent/,
    );
    // That refusal forgets the session's lookups: the next RCPT TO asks the database and refuses at once.
    expect(await message(3)).toMatch(/^550 5\.2\.1 <[^>]+>: the mailbox of this alias is deactivated/);
    await s.send("QUIT");
    expect((await messagesOf(support.id)).map((m) => m.messageId)).toEqual(["<kept-open-1@x.example>"]);
  });

  it("accepts the active recipient of a message that also names a refused one", async () => {
    await getDb().update(mailbox).set({ active: false }).where(eq(mailbox.id, billing.id));
    const sent = await sendRaw(
      port,
      { from: "jeanne@customer-mail.example", to: [alias(support), alias(billing)] },
      fixture("forwarded-customer-message.eml"),
    );
    expect(sent).toMatchObject({ ok: true, accepted: [alias(support)], rejected: [alias(billing)] });
    expect(await messagesOf(support.id)).toHaveLength(1);
    expect(await messagesOf(billing.id)).toHaveLength(0);
  });
});

describe("R24 the same Message-ID twice", () => {
  it("is recorded once, by the unique constraint, and a duplicate leaves the last received mail alone", async () => {
    const raw = fixture("forwarded-customer-message.eml");
    await sendRaw(port, { from: "a@customer-mail.example", to: [alias(support)] }, raw);
    const first = await mailboxRow(support.id);
    await getDb()
      .update(mailbox)
      .set({ lastReceivedFrom: "newer@customer-mail.example", lastReceivedAt: new Date(Date.now() + 60_000) })
      .where(eq(mailbox.id, support.id));
    const again = await sendRaw(port, { from: "a@customer-mail.example", to: [alias(support)] }, raw);
    expect(again.ok).toBe(true); // accepted (so the sender stops retrying), not recorded twice
    expect(await messagesOf(support.id)).toHaveLength(1);
    expect((await mailboxRow(support.id)).lastReceivedFrom).toBe("newer@customer-mail.example");
    expect(first.lastReceivedFrom).toBe("jeanne.martin@customer-mail.example");
    // The database itself refuses a second row, whatever the code checks.
    const [row] = await messagesOf(support.id);
    await expect(
      getDb()
        .insert(inboundMessage)
        .values({ ...row, id: undefined }),
    ).rejects.toThrow();
  });

  it("is recorded once when the copies arrive at the same moment", async () => {
    const raw = fixture("forwarded-customer-message.eml");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => sendRaw(port, { from: "a@customer-mail.example", to: [alias(support)] }, raw)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await messagesOf(support.id)).toHaveLength(1);
  });
});

describe("size limit", () => {
  it("refuses a message over the limit with 552, declared or not, and records nothing", async () => {
    const big = Buffer.concat([
      Buffer.from("Message-ID: <big-1@x.example>\r\nSubject: big\r\n\r\n"),
      Buffer.alloc(300 * 1024, "a\r\n"),
    ]);
    await expectUnchanged(t.org.id, async () => {
      const s = await smtpDialog(port);
      await s.send("EHLO mx.sender.example");
      expect(await s.send(`MAIL FROM:<a@x.example> SIZE=${big.length}`)).toMatch(/^552/);
      await s.send("QUIT");
      const sent = await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, big);
      expect(sent).toMatchObject({ ok: false, responseCode: 552 });
      // A sender that does not declare the size is refused at the end of DATA.
      const d = await smtpDialog(port);
      await d.send("EHLO mx.sender.example");
      await d.send("MAIL FROM:<a@x.example>");
      await d.send(`RCPT TO:<${alias(support)}>`);
      expect(await d.send("DATA")).toMatch(/^354/);
      d.write(big);
      expect(await d.send("\r\n.")).toMatch(/^552/);
      await d.send("QUIT");
    });
  });
});

describe("reliability: the receiver never crashes on bad input", () => {
  it.each([
    "malformed-headers.eml",
    "no-message-id.eml",
    "eight-bit-subject.eml",
    "latin1-8bit-subject.eml",
    "encoded-word-subject.eml",
  ])("records %s", async (name) => {
    const sent = await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, fixture(name));
    expect(sent.ok).toBe(true);
    const [row] = await messagesOf(support.id);
    expect(row.messageId).toMatch(/^<.+>$/);
  });

  it("records a message without Message-ID under a generated one", async () => {
    await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, fixture("no-message-id.eml"));
    const [row] = await messagesOf(support.id);
    expect(row).toMatchObject({ subject: "Disk usage above 90% on legacy-host" });
    expect(row.messageId).toMatch(/no-message-id@ino\.cx>$/);
  });

  it("records nothing for a message cut off mid-DATA, and goes on serving", async () => {
    const s = await smtpDialog(port);
    await s.send("EHLO mx.sender.example");
    await s.send("MAIL FROM:<a@x.example>");
    await s.send(`RCPT TO:<${alias(support)}>`);
    await s.send("DATA");
    s.write("Message-ID: <cut-1@x.example>\r\nSubject: cut\r\n\r\nthe first half of the bo");
    await new Promise((r) => setTimeout(r, 100));
    s.destroy();
    for (const stage of ["greeting", "ehlo", "mail", "rcpt"]) {
      const d = await smtpDialog(port);
      if (stage !== "greeting") await d.send("EHLO x");
      if (stage === "mail" || stage === "rcpt") await d.send("MAIL FROM:<a@x.example>");
      if (stage === "rcpt") await d.send(`RCPT TO:<${alias(support)}>`);
      d.destroy();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(await messagesOf(support.id)).toHaveLength(0);
    const sent = await sendRaw(
      port,
      { from: "a@x.example", to: [alias(support)] },
      fixture("forwarded-customer-message.eml"),
    );
    expect(sent.ok).toBe(true);
    expect(await messagesOf(support.id)).toHaveLength(1);
  });

  it("answers garbage commands and goes on", async () => {
    const s = await smtpDialog(port);
    expect(await s.send("HELLO?")).toMatch(/^5/);
    expect(await s.send("RCPT TO:<x>")).toMatch(/^5/);
    expect(await s.send(`MAIL FROM:<${"a".repeat(600)}@x.example>`)).toMatch(/^[25]/);
    s.destroy();
    expect((await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, fixture("no-message-id.eml"))).ok).toBe(
      true,
    );
  });

  it("takes 100 concurrent connections, each message recorded once", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        sendRaw(
          port,
          { from: `c${i}@x.example`, to: [alias(i % 2 ? support : billing)] },
          `Message-ID: <concurrent-${i}@x.example>\r\nFrom: c${i}@x.example\r\nSubject: n${i}\r\n\r\nbody ${i}\r\n`,
        ),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await messagesOf(support.id)).toHaveLength(50);
    expect(await messagesOf(billing.id)).toHaveLength(50);
  });
});

describe("database unreachable", () => {
  let down: SmtpReceiver | undefined;
  afterEach(async () => {
    await down?.stop();
    down = undefined;
  });

  it("answers 451 at RCPT TO (the sender retries, nothing is lost) and logs one line, not one per message", async () => {
    const closed = openDatabase(
      parseConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:9/ino_nowhere", DATABASE_POOL_SIZE: "1" }),
    );
    const lines: string[] = [];
    down = createSmtpReceiver({
      port: 0,
      host: "127.0.0.1",
      db: closed.db,
      log: { info: (l) => void lines.push(l), error: (l) => void lines.push(l) },
      closeTimeoutMs: 200,
    });
    const downPort = (await down.start()).port;
    for (let i = 0; i < 3; i++) {
      const sent = await sendRaw(
        downPort,
        { from: "a@x.example", to: [alias(support)] },
        fixture("forwarded-customer-message.eml"),
      );
      expect(sent).toMatchObject({ ok: false });
      expect((sent as { response: string }).response).toMatch(/^451 4\.3\.0/);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[smtp\] The database is not answering \(.*ECONNREFUSED.*\): replying 451/);
    expect(lines[0]).not.toMatch(/\n\s+at /); // no stack trace
    await closed.close();
  });

  it("answers 451 at the end of DATA when the database stops mid-message, and records the retry once it is back", async () => {
    let stopped = false;
    // The application's database, except that while `stopped` its statements fail as on a dropped connection.
    const ended = async () =>
      Promise.reject(Object.assign(new Error("write CONNECTION_ENDED 127.0.0.1:5432"), { code: "CONNECTION_ENDED" }));
    const flaky = new Proxy(getDb(), {
      get(target, prop, receiver) {
        if ((prop === "execute" || prop === "transaction") && stopped) return ended;
        // Prepared statements (the recording one) run through the session: while stopped, they fail alike.
        if (prop === "session" && stopped) return { prepareQuery: () => ({ execute: ended }) };
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const lines: string[] = [];
    down = createSmtpReceiver({
      port: 0,
      host: "127.0.0.1",
      db: flaky,
      log: { info: (l) => void lines.push(l), error: (l) => void lines.push(l) },
      closeTimeoutMs: 200,
    });
    const downPort = (await down.start()).port;
    const s = await smtpDialog(downPort);
    await s.send("EHLO x");
    await s.send("MAIL FROM:<a@x.example>");
    expect(await s.send(`RCPT TO:<${alias(support)}>`)).toMatch(/^250/);
    await s.send("DATA");
    stopped = true;
    s.write(fixture("forwarded-customer-message.eml"));
    expect(await s.send("\r\n.")).toMatch(/^451 4\.3\.0/);
    await s.send("QUIT");
    expect(await messagesOf(support.id)).toHaveLength(0);
    stopped = false;
    const retry = await sendRaw(
      downPort,
      { from: "a@x.example", to: [alias(support)] },
      fixture("forwarded-customer-message.eml"),
    );
    expect(retry.ok).toBe(true);
    expect(await messagesOf(support.id)).toHaveLength(1);
    expect(lines).toEqual([
      expect.stringMatching(/CONNECTION_ENDED/),
      "[smtp] The database answers again: accepting mail.",
    ]);
  });
});

it("a mailbox of another organisation with the same local part is not touched", async () => {
  const other = await createTestOrg();
  const theirs = await insertTestMailbox(other, { localPart: "support" });
  await sendRaw(port, { from: "a@x.example", to: [alias(support)] }, fixture("forwarded-customer-message.eml"));
  expect(
    await getDb()
      .select()
      .from(inboundMessage)
      .where(and(eq(inboundMessage.orgId, other.org.id), eq(inboundMessage.mailboxId, theirs.id))),
  ).toHaveLength(0);
});
