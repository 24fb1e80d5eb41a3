import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { authenticate } from "mailauth";
import { startTestDns } from "../../tests/dkim-test-kit";
import { E2E_DNS_PORT } from "../../playwright.config";
import { expect, expectAccessible, test } from "../fixtures/auth";
import { startFakeProvider, type FakeProvider } from "../fixtures/fake-provider";

// Issue 19 end to end, against the app as `npm start` runs it: its DNS lookups go to the DNS server this spec
// starts on E2E_DNS_PORT (DNS_SERVERS in playwright.config.ts), its outgoing mail to the fake provider on
// E2E_PROVIDER_PORT (OUTBOUND_SMTP_URL). A new domain is set up from its zone file, checked until Verified, proven
// by a test email that mailauth verifies (dkim=pass, dmarc=pass), then broken by removing its DKIM record.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2626);
const PROVIDER_PORT = Number(process.env.E2E_PROVIDER_PORT ?? 2671);
const shots = (name: string, width: number) =>
  path.join(test.info().outputDir, "..", "sending-screens", `${name}-${width}.png`);

let provider: FakeProvider;
/** The test DNS server's zone: name (no trailing dot, lowercase) → TXT value. Mutable: the test removes a record. */
const zone: Record<string, string> = {};
let dns: Awaited<ReturnType<typeof startTestDns>>;
test.beforeAll(async () => {
  provider = await startFakeProvider({ port: PROVIDER_PORT, receiver: { host: "127.0.0.1", port: SMTP_PORT } });
  dns = await startTestDns(zone, E2E_DNS_PORT);
});
test.afterAll(async () => {
  await provider?.stop();
  await dns?.close();
});

/** The records of a BIND zone file as the set-up page serves it: FQDN with a trailing dot, quoted strings ≤ 255. */
function parseZone(text: string): { name: string; value: string; chunks: string[] }[] {
  const out: { name: string; value: string; chunks: string[] }[] = [];
  for (const line of text.split("\n")) {
    const m = /^(\S+)\s+(\d+)\s+IN\s+TXT\s+(.+)$/.exec(line);
    if (!m) continue;
    expect(m[1], "names are fully qualified").toMatch(/\.$/);
    expect(m[2]).toBe("3600");
    const chunks = [...m[3].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((c) => c[1].replace(/\\(.)/g, "$1"));
    for (const c of chunks) expect(Buffer.byteLength(c)).toBeLessThanOrEqual(255);
    out.push({ name: m[1].slice(0, -1).toLowerCase(), value: chunks.join(""), chunks });
  }
  return out;
}

/** mailauth's resolver, reading the same zone as the test DNS server (TXT answers: arrays of strings). */
async function resolver(name: string, rrtype: string) {
  const value = zone[name.toLowerCase().replace(/\.$/, "")];
  if (rrtype === "TXT" && value !== undefined) return [value.match(/.{1,255}/g) ?? [""]];
  throw Object.assign(new Error(`no ${rrtype} at ${name}`), { code: "ENOTFOUND" });
}

async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: shots(name, width), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `sideways scroll at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function checkDns(page: Page) {
  await page.getByRole("button", { name: "Check DNS" }).click();
  await expect(page.getByTestId("check-dns-summary")).toContainText("Checked at", { timeout: 20_000 });
}

test.describe("R35–R38 sending identity", () => {
  test.setTimeout(180_000);

  test("a new domain: zone file into DNS, Check DNS until Verified, a signed test email passes DKIM and DMARC; without the record it is Not found and the send is refused", async ({
    page,
  }) => {
    const tag = randomUUID().slice(0, 6);
    const domain = `s${tag}.example`;

    // Settings: add the domain; its name links to its set-up page, with its state.
    await page.goto("/maker/settings");
    await page.getByLabel("Add a domain").fill(domain);
    await page.getByRole("button", { name: "Add domain" }).click();
    const domains = page.getByRole("list", { name: "Email domains" });
    const item = domains.getByRole("listitem").filter({ hasText: domain });
    await expect(item.getByTestId("domain-state")).toHaveText("Waiting for DNS");
    await expect(item).toContainText("Not checked yet");
    await item.getByRole("link", { name: domain }).click();

    // The set-up page: the DKIM row (required), the DMARC row (recommended), the SPF sentence; nothing checked yet.
    await expect(page.getByRole("heading", { level: 1, name: `Sending from ${domain}` })).toBeVisible();
    const dkim = page.getByTestId("record-dkim");
    const dmarc = page.getByTestId("record-dmarc");
    await expect(dkim.getByTestId("record-status")).toHaveText("Not checked yet");
    await expect(dkim.getByTestId("record-host")).toHaveText(/^[a-z0-9-]+\._domainkey$/);
    await expect(dkim.getByTestId("record-fqdn")).toHaveText(
      new RegExp(`^[a-z0-9-]+\\._domainkey\\.${domain.replace(".", "\\.")}\\.$`),
    );
    await expect(dkim.getByTestId("record-value")).toHaveText(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    await expect(dmarc.getByTestId("record-host")).toHaveText("_dmarc");
    await expect(page.getByTestId("spf-sentence")).toContainText("SPF");
    await expectAccessible(page);
    await shoot(page, "1-domain-not-checked");

    // Download the zone file and import it into the DNS server.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download zone file" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${domain}.zone`);
    const records = parseZone(readFileSync(await download.path(), "utf8"));
    const dkimRecord = records.find((r) => r.name.includes("._domainkey."));
    expect(dkimRecord?.chunks.length, "the 2048-bit key's value is split into strings of ≤ 255").toBeGreaterThan(1);
    expect(records.map((r) => r.name)).toContain(`_dmarc.${domain}`);
    for (const r of records) zone[r.name] = r.value;

    // Check DNS until Verified (the first check may race the import; a few presses are what a person does).
    await expect(async () => {
      await checkDns(page);
      await expect(dkim.getByTestId("record-status")).toHaveText("Verified", { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(dmarc.getByTestId("record-status")).toHaveText("Verified");
    await expect(page.getByTestId("domain-state")).toHaveText("Ready to send");
    await expectAccessible(page);
    await shoot(page, "2-domain-verified");

    // The records for a DNS admin: the To field refuses a wrong address next to it.
    await page.getByRole("button", { name: "Send to your DNS admin" }).click();
    const share = page.getByRole("dialog", { name: "Send these records to your DNS admin" });
    await share.getByLabel("To").fill("not an address");
    await share.getByRole("button", { name: "Send records" }).click();
    await expect(share.getByText("Enter one address only")).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Escape");

    // A mailbox on the new domain; S4's Sending panel says it sends as it, ready.
    await page.goto("/maker/mailboxes/new");
    await page.getByLabel("Display name").fill(`Billing ${tag}`);
    await page.getByLabel("Email address (local part)").fill("billing");
    await page.getByLabel("Email domain").selectOption({ label: domain });
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Billing ${tag}` })).toBeVisible();
    const panel = page.getByRole("region", { name: "Sending" });
    await expect(panel.getByTestId("sending-status")).toContainText(
      `Sends as Billing ${tag} <billing@${domain}> — ready`,
    );

    // Send a test email to the local SMTP sink (the fake provider), and verify it as a receiver would.
    await panel.getByRole("button", { name: "Send a test email" }).click();
    const dialog = page.getByRole("dialog", { name: "Send a test email" });
    await dialog.getByLabel("To").fill("sink@mycompany.com");
    await expectAccessible(page);
    const before = provider.received.length;
    await dialog.getByRole("button", { name: "Send test email" }).click();
    await expect(dialog.getByRole("status")).toContainText(
      new RegExp(`Sent to sink@mycompany\\.com at \\d\\d:\\d\\d, signed as ${domain.replace(".", "\\.")}`),
    );
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: shots("3-test-email-sent", 390) });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: shots("3-test-email-sent", 1440) });
    await dialog.getByRole("button", { name: "Close" }).first().click();
    await expect.poll(() => provider.received.length).toBeGreaterThan(before);
    const sent = provider.received.at(-1)!;
    expect(sent.to).toEqual(["sink@mycompany.com"]);
    const auth = await authenticate(sent.raw, {
      ip: "127.0.0.1",
      helo: "platform.test",
      sender: sent.from,
      mta: "receiver.test",
      resolver,
    });
    const signatures = (auth.dkim as { results: { signingDomain: string; status: { result: string } }[] }).results;
    expect(signatures.map((s) => [s.signingDomain, s.status.result])).toContainEqual([domain, "pass"]);
    expect((auth.dmarc as { status: { result: string } }).status.result).toBe("pass");
    await shoot(page, "4-mailbox-ready");

    // The DKIM record disappears: Check DNS says Not found, and the mailbox can no longer send.
    delete zone[dkimRecord!.name];
    await page.goto("/maker/settings");
    await page.getByRole("list", { name: "Email domains" }).getByRole("link", { name: domain }).click();
    await checkDns(page);
    await expect(dkim.getByTestId("record-status")).toHaveText("Not found");
    await expect(page.getByTestId("domain-state")).not.toHaveText("Ready to send");
    await expectAccessible(page);
    await shoot(page, "5-domain-record-missing");
    await page.goBack();
    await page.goto("/maker/mailboxes");
    await page
      .getByRole("link", { name: `Billing ${tag}`, exact: true })
      .first()
      .click();
    await expect(panel.getByTestId("sending-status")).toContainText(
      `Cannot send: the DKIM record of ${domain} was not found`,
    );
    const refuse = panel.getByRole("button", { name: "Send a test email" });
    await expect(refuse).toBeDisabled();
    await expect(refuse).toHaveAccessibleDescription(/would fail DKIM/);
    await expect(panel.getByRole("link", { name: `Set up sending from ${domain}` })).toBeVisible();
    await expectAccessible(page);
    await shoot(page, "6-mailbox-cannot-send");

    // Clean up: the mailbox, then the domain.
    await page.getByRole("button", { name: "Delete" }).click();
    const del = page.getByRole("dialog");
    await del.getByLabel(`Type billing@${domain} to confirm`).fill(`billing@${domain}`);
    await del.getByRole("button", { name: "Delete mailbox" }).click();
    await expect(page).toHaveURL(/\/maker\/mailboxes$/);
    await page.goto("/maker/settings");
    await page.getByRole("button", { name: `Remove ${domain}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove domain" }).click();
    await expect(page.getByRole("list", { name: "Email domains" }).getByRole("link", { name: domain })).toHaveCount(0);
  });

  test("another organisation's domain is not found, and its zone file too", async ({ page }) => {
    const unknown = randomUUID();
    const res = await page.request.get(`/maker/settings/domains/${unknown}/zone`);
    expect(res.status()).toBe(404);
    await page.goto(`/maker/settings/domains/${unknown}`);
    await expect(page.getByText(/not found|could not be found/i).first()).toBeVisible();
  });

  test("S5: the queue list and a queue's page show how each queue sends, at 390 and 1440 px", async ({ page }) => {
    await page.goto("/maker/queues");
    await expectAccessible(page);
    await shoot(page, "7-queues");
    await page.getByRole("link", { name: "Billing", exact: true }).first().click();
    const sending = page.getByRole("region", { name: "Sending" });
    await expect(sending.getByTestId("sending-status")).toContainText(/Sends as|Cannot send/);
    await expectAccessible(page);
    await shoot(page, "8-queue");
  });
});
