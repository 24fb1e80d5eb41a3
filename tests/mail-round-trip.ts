import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startFakeProvider, type FakeProvider } from "@/e2e/fixtures/fake-provider";
import { createSmtpReceiver, type SmtpReceiver } from "@/lib/inbound/create-smtp-receiver";

export type MailRoundTrip = {
  /** The platform's SMTP receiver, on a free port of 127.0.0.1, quiet. */
  receiver: SmtpReceiver;
  /** The fake provider of the current test, which OUTBOUND_SMTP_URL points at. */
  provider: FakeProvider;
  /** Starts another fake provider for `domain`, makes it OUTBOUND_SMTP_URL, and stops it when the test ends. */
  providerFor(domain: string): Promise<FakeProvider>;
};

/**
 * The platform's mail round trip for integration tests (issue 18 item 6: once, not copied in each file): the
 * receiver, and a fake mail provider in front of it to which the platform sends (OUTBOUND_SMTP_URL) and whose
 * forwarding rules deliver to the receiver's aliases. With `domain`, each test gets its own provider for the
 * domain it returns (read after the file's own beforeEach, so call this after registering that hook); without it,
 * one provider serves the whole file and forgets what it received before each test.
 */
export function mailRoundTrip(opts: { domain?: () => string } = {}): MailRoundTrip {
  const started: FakeProvider[] = [];
  const start = (domain?: string) =>
    startFakeProvider({ port: 0, receiver: { host: "127.0.0.1", port: rt.receiver.port }, domain });
  const pointAt = (p: FakeProvider) => {
    process.env.OUTBOUND_SMTP_URL = `smtp://127.0.0.1:${p.port}`;
    return p;
  };
  const rt: MailRoundTrip = {
    receiver: undefined as unknown as SmtpReceiver,
    provider: undefined as unknown as FakeProvider,
    async providerFor(domain) {
      const p = await start(domain);
      started.push(p);
      return pointAt(p);
    },
  };
  let shared: FakeProvider | undefined;
  beforeAll(async () => {
    rt.receiver = createSmtpReceiver({
      port: 0,
      host: "127.0.0.1",
      closeTimeoutMs: 200,
      log: { info: () => {}, error: () => {} },
    });
    await rt.receiver.start();
    if (!opts.domain) shared = await start();
  });
  afterAll(async () => {
    await shared?.stop();
    await rt.receiver.stop();
  });
  beforeEach(async () => {
    if (opts.domain) rt.provider = await rt.providerFor(opts.domain());
    else {
      shared!.received.length = 0;
      rt.provider = pointAt(shared!);
    }
  });
  afterEach(async () => {
    delete process.env.OUTBOUND_SMTP_URL;
    for (const p of started.splice(0)) await p.stop();
  });
  return rt;
}
