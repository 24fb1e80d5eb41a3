import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, USERS } from "../fixtures/auth";

// Issue 19 item 9 on a fresh `npm start` WITHOUT OUTBOUND_SMTP_URL (the "demo" project of playwright.config.ts): the
// demo's domains live in a simulated DNS, one fully published and one missing its DKIM record. A newcomer sees both
// states, publishes the missing record from the demo provider page, and sees a test email in the demo provider's
// outbox with the Authentication-Results that mailauth computed for it.
const shots = (name: string, width: number) =>
  path.join(test.info().outputDir, "..", "demo-screens", `${name}-${width}.png`);

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

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

test("both demo domain states, Publish the missing DKIM record, then a test email shows dkim=pass and dmarc=pass", async ({
  page,
}) => {
  await signIn(page, USERS.admin);
  await expect(page).toHaveURL(/\/maker\//);

  // Settings: each demo domain with its state; one ready, the other not.
  await page.goto("/maker/settings");
  const domains = page.getByRole("list", { name: "Email domains" });
  const states = await domains.getByTestId("domain-state").allTextContents();
  expect(states).toContain("Ready to send");
  expect(states.some((s) => s !== "Ready to send")).toBe(true);
  await shoot(page, "sending-1-settings");

  // The demo provider page: the simulated DNS, with Publish for the missing record.
  await page.goto("/maker/demo-provider");
  const dnsPanel = page.getByRole("region", { name: "Simulated DNS" });
  await expect(dnsPanel).toBeVisible();
  const publish = dnsPanel.getByRole("button", { name: /^Publish the DKIM record of / });
  await expect(publish).toHaveCount(1);
  const missing = ((await publish.getAttribute("aria-label")) ?? "").replace("Publish the DKIM record of ", "");
  expect(["mycompany.com", "example.org"]).toContain(missing);
  await expectAccessible(page);
  await shoot(page, "sending-2-demo-dns-missing");

  // S1's Sending filter: "Cannot send" lists the mailboxes of the domain missing its record, and only those.
  await page.goto("/maker/mailboxes");
  await page.getByLabel("Sending").selectOption("cannot");
  await expect(page).toHaveURL(/sending=cannot/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const cannot = await rows.allTextContents();
  expect(cannot.length).toBeGreaterThan(0);
  for (const row of cannot) expect(row).toContain(`@${missing}`);
  await page.getByLabel("Sending").selectOption("ready");
  await expect(page).toHaveURL(/sending=ready/);
  await expect(rows.filter({ hasText: `@${missing}` })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();

  await page.goto("/maker/demo-provider");
  await publish.click();
  const domainRow = dnsPanel.getByTestId(`demo-domain-${missing}`);
  await expect(domainRow.getByTestId("domain-state")).toHaveText("Ready to send");
  await expect(dnsPanel.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await shoot(page, "sending-3-demo-dns-published");

  // A test email from a mailbox on the domain just fixed, to a demo address: it lands in the outbox, authenticated.
  const mailbox = missing === "example.org" ? "Sales Europe" : "Billing";
  await page.goto("/maker/mailboxes");
  await page.getByRole("link", { name: mailbox, exact: true }).and(page.locator('[href^="/maker/mailboxes/"]')).click();
  const panel = page.getByRole("region", { name: "Sending" });
  await expect(panel.getByTestId("sending-status")).toContainText("— ready");
  await expectAccessible(page);
  await panel.scrollIntoViewIfNeeded();
  await shoot(page, "sending-s4-ready");
  await panel.getByRole("button", { name: "Send a test email" }).click();
  const dialog = page.getByRole("dialog", { name: "Send a test email" });
  await dialog.getByLabel("To").fill("someone@mycompany.com");
  await dialog.getByRole("button", { name: "Send test email" }).click();
  await expect(dialog.getByRole("status")).toContainText(
    new RegExp(`Sent to someone@mycompany\\.com at \\d\\d:\\d\\d, signed as ${missing.replace(".", "\\.")}`),
  );
  await expectAccessible(page);
  await page.keyboard.press("Escape");

  await page.goto("/maker/demo-provider");
  const outbox = page.getByRole("list", { name: "Demo provider outbox" });
  const message = outbox.getByRole("listitem").filter({ hasText: "someone@mycompany.com" }).first();
  await expect(message).toContainText("Authentication-Results");
  await expect(message).toContainText(new RegExp(`dkim=pass header\\.i=@${missing.replace(".", "\\.")}`));
  await expect(message).toContainText("dmarc=pass");
  await expectAccessible(page);
  await shoot(page, "sending-4-demo-outbox");
});
