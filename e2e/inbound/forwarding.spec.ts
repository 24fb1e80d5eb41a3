import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestKey, dkimRecordName, signRaw, startTestDns } from "../../tests/dkim-test-kit";
import { sendRaw } from "../../tests/smtp-test-client";
import { E2E_DNS_PORT } from "../../playwright.config";
import { expect, expectAccessible, test } from "../fixtures/auth";
import { startFakeProvider, type FakeProvider } from "../fixtures/fake-provider";
import { verifyForwardingWhenAllowed } from "../fixtures/verify-forwarding";

// R21–R23 on S4, against the app as `npm start` runs it: its SMTP receiver on E2E_SMTP_PORT, its outbound mail
// to the fake provider on E2E_PROVIDER_PORT (playwright.config.ts), VERIFY_TIMEOUT short.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2626);
const PROVIDER_PORT = Number(process.env.E2E_PROVIDER_PORT ?? 2671);
const shots = (name: string) => path.join(test.info().outputDir, "..", "inbound-screens", `${name}.png`);
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../lib/inbound/fixtures", name));

let provider: FakeProvider;
// R28: Gmail's key, served by a DNS server that the app reaches through DNS_SERVERS (playwright.config.ts).
const gmailKey = createTestKey();
let dns: Awaited<ReturnType<typeof startTestDns>>;
test.beforeAll(async () => {
  provider = await startFakeProvider({ port: PROVIDER_PORT, receiver: { host: "127.0.0.1", port: SMTP_PORT } });
  dns = await startTestDns({ [dkimRecordName(gmailKey)]: gmailKey.txt }, E2E_DNS_PORT);
});
test.afterAll(async () => {
  await provider?.stop();
  await dns?.close();
});

async function openMailbox(page: import("@playwright/test").Page, name: string) {
  await page.goto("/maker/mailboxes");
  await page.getByRole("link", { name, exact: true }).and(page.locator('[href^="/maker/mailboxes/"]')).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const panel = page.getByRole("region", { name: "Forwarding" });
  const alias = (await panel.getByTestId("forwarding-alias").textContent())!.trim();
  return { panel, alias };
}

test.describe("R22 Verify forwarding", () => {
  test.setTimeout(90_000);

  test("the test message goes to the provider, comes back through the alias, S4 shows Verified; without the rule it becomes Failed", async ({
    page,
  }) => {
    const { panel, alias } = await openMailbox(page, "Billing");
    const status = panel.getByTestId("forwarding-status");
    await expect(status).toHaveText("Not verified");
    await panel.screenshot({ path: shots("1-unknown") });

    // The administrator's forwarding rule, in the (fake) provider: billing@mycompany.com → the alias.
    provider.setRule("billing@mycompany.com", alias);
    await panel.getByRole("button", { name: "Verify forwarding" }).click();
    await expect(status).toHaveText("Forwarding verified");
    await expect(panel.getByText("Forwarding works")).toBeVisible();
    const sent = provider.received.at(-1)!;
    expect(sent.to).toEqual(["billing@mycompany.com"]);
    expect(sent.forwardedTo).toEqual([alias]);
    const table = panel.getByRole("table", { name: "Latest inbound messages" });
    await expect(table).toContainText("INO cx forwarding check for billing@mycompany.com");
    // R26: the test message is not customer mail; S4 shows it apart, marked.
    await expect(panel.getByTestId("last-received")).toContainText("No customer mail received yet");
    await expect(panel.getByTestId("last-received")).toContainText("from no-reply@ino.cx");
    await expect(table).toContainText("Test message");
    await panel.screenshot({ path: shots("2-verified") });
    await expectAccessible(page);

    // The rule is removed: the next test message stays at the provider, and after VERIFY_TIMEOUT the status is Failed.
    provider.setRule("billing@mycompany.com", null);
    await verifyForwardingWhenAllowed(panel);
    await expect(panel.getByText("Waiting for the test message")).toBeVisible();
    await panel.screenshot({ path: shots("3-pending") });
    await expect(status).toHaveText("Verification failed", { timeout: 40_000 }); // the page refreshes itself
    await expect(panel.getByText("did not come back within 15 seconds")).toBeVisible();
    await expect(panel).toContainText("550 5.7.520");
    await expect(panel).toContainText("Gmail");
    await panel.screenshot({ path: shots("4-failed") });
    await expectAccessible(page);
  });
});

test.describe("R21 and R23 mail reaching the alias", () => {
  test("a forwarded message shows on S4 and S1; Gmail's confirmation shows its code and link", async ({ page }) => {
    const { panel, alias } = await openMailbox(page, "Support Team");
    const sent = await sendRaw(
      SMTP_PORT,
      { from: "support+caf_=x@mycompany.com", to: [alias] },
      fixture("forwarded-customer-message.eml"),
    );
    expect(sent.ok).toBe(true);
    const gmail = await signRaw(
      fixture("gmail-forwarding-confirmation.eml").toString().replaceAll("4hq7zt2mkp@demo.ino.cx", alias),
      gmailKey,
    );
    expect((await sendRaw(SMTP_PORT, { from: "bounce@google.com", to: [alias] }, gmail)).ok).toBe(true);

    await page.reload();
    const table = panel.getByRole("table", { name: "Latest inbound messages" });
    await expect(table).toContainText("Order 48213: the parcel has not arrived");
    await expect(table).toContainText("Jeanne Martin <jeanne.martin@customer-mail.example>");
    await expect(panel.getByTestId("gmail-confirmation-code")).toHaveText("417093852");
    const link = panel.getByRole("link", { name: "Open Gmail's confirmation link" });
    await expect(link).toHaveAttribute(
      "href",
      /^https:\/\/mail-settings\.google\.com\/mail\/vf-%5BANGjdJ9Qm2yX4uT7_kLp0vRz3Wc8[^?#]*$/,
    );
    // ONE state with its one next step (issue 18): the badge says it, the alert holds what to do.
    await expect(panel.getByTestId("forwarding-status")).toHaveText("Gmail confirmation waiting");
    await expect(panel.getByText("Confirm Gmail's forwarding request")).toBeVisible();
    // R26: the customer's message is evidence that mail arrives; Gmail's is not customer mail.
    await expect(panel.getByTestId("receiving-mail")).toContainText("Receiving mail");
    await expect(panel.getByTestId("last-received")).toContainText("from jeanne.martin@customer-mail.example");
    await expect(link).toHaveAttribute("rel", /noopener/);
    await panel.screenshot({ path: shots("5-gmail-confirmation") });
    await expectAccessible(page);

    // Refused at the alias of an inactive mailbox (Old newsletter, inactive in the demo).
    const { alias: inactiveAlias } = await openMailbox(page, "Old newsletter");
    const refused = await sendRaw(
      SMTP_PORT,
      { from: "a@x.example", to: [inactiveAlias] },
      fixture("forwarded-customer-message.eml"),
    );
    expect(refused).toMatchObject({ ok: false });
    expect((refused as { response: string }).response).toMatch(/^550 5\.2\.1 .*deactivated/);

    // S1: the list shows the last CUSTOMER mail (not Gmail's confirmation), and that mail is arriving.
    await page.goto("/maker/mailboxes");
    const row = page.getByRole("row", { name: /Support Team/ });
    await expect(row).toContainText("from jeanne.martin@customer-mail.example");
    // One state: the Gmail confirmation still waiting; the badge's words add that mail arrives.
    await expect(row).toContainText("Gmail confirmation waiting");
    await expect(row).toContainText(/receiving mail, last message now/i);
  });
});
