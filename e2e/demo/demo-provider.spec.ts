import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, USERS } from "../fixtures/auth";
import { verifyForwardingWhenAllowed } from "../fixtures/verify-forwarding";

// The demo loop on a fresh `npm start` WITHOUT OUTBOUND_SMTP_URL (the "demo" project of playwright.config.ts):
// the demo's domains are served by the simulated mail provider. Support Team verifies, Billing fails like
// Microsoft 365 blocking external forwarding, Sales Europe waits for a Gmail confirmation, then verifies.
const shots = (name: string, width: number) =>
  path.join(test.info().outputDir, "..", "demo-screens", `${name}-${width}.png`);

test.describe.configure({ mode: "serial" });
test.setTimeout(90_000);

async function openMailbox(page: Page, name: string) {
  await page.goto("/maker/mailboxes");
  await page.getByRole("link", { name, exact: true }).and(page.locator('[href^="/maker/mailboxes/"]')).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return page.getByRole("region", { name: "Forwarding" });
}

// `ownScreen`: S4 and the outbox are this journey's screens, held to no sideways scroll; S1 is only photographed.
async function shoot(page: Page, name: string, ownScreen = true) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const panel = page.getByRole("region", { name: "Forwarding" });
    if (await panel.count()) await panel.screenshot({ path: shots(name, width) });
    else await page.screenshot({ path: shots(name, width), fullPage: true });
    const overflow = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest("[data-sonner-toaster]"))
        .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= w + 1)
        .slice(0, 4)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)}`);
      return { by: document.documentElement.scrollWidth - w, wide };
    });
    if (ownScreen)
      expect(overflow.by, `sideways scroll at ${width}px: ${overflow.wide.join(" | ")}`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeEach(async ({ page }) => {
  await signIn(page, USERS.admin);
  await expect(page).toHaveURL(/\/maker\//);
});

test("Support Team: Verify forwarding reaches Verified within seconds through the demo provider", async ({ page }) => {
  const panel = await openMailbox(page, "Support Team");
  await expect(panel.getByTestId("demo-provider-note")).toContainText("Demo provider:");
  await panel.getByRole("button", { name: "Verify forwarding" }).click();
  await expect(panel.getByTestId("forwarding-status")).toHaveText("Forwarding verified", { timeout: 20_000 });
  await expect(panel.getByText("Forwarding works")).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText(
    "The platform verified the forwarding rule of this mailbox",
  );
  await shoot(page, "1-support-verified");
  await expectAccessible(page);
});

test("Billing: Microsoft 365 blocks external forwarding; Failed at once, 5.7.520 explained", async ({ page }) => {
  const panel = await openMailbox(page, "Billing");
  await panel.getByRole("button", { name: "Verify forwarding" }).click();
  await expect(panel.getByTestId("forwarding-status")).toHaveText("Verification failed", { timeout: 20_000 });
  await expect(panel.getByText("Microsoft 365 blocks forwarding to external addresses")).toBeVisible();
  await expect(panel.getByTestId("bounce-status")).toContainText("550 5.7.520 Access denied");
  await expect(panel.getByTestId("bounce-status")).toContainText("AS(7555)");
  await expect(panel.getByRole("link", { name: "Microsoft's documentation on external forwarding" })).toHaveAttribute(
    "href",
    /learn\.microsoft\.com/,
  );
  await expect(page.getByRole("region", { name: "History" })).toContainText(
    "could not verify the forwarding rule of this mailbox",
  );
  await shoot(page, "2-billing-failed");
  await expectAccessible(page);
});

test("Sales Europe: Gmail confirmation waiting; after confirming, the next verification succeeds", async ({ page }) => {
  const panel = await openMailbox(page, "Sales Europe");
  await panel.getByRole("button", { name: "Verify forwarding" }).click();
  await expect(panel.getByText("Gmail confirmation waiting")).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId("forwarding-status")).toHaveText("Gmail confirmation waiting"); // one state at a time
  await shoot(page, "3-sales-gmail-waiting");
  await expectAccessible(page);
  await panel.getByRole("button", { name: "Confirm forwarding (demo)" }).click();
  await expect(panel.getByText("Forwarding confirmed: verify again")).toBeVisible();
  await verifyForwardingWhenAllowed(panel, /Verification pending|Forwarding verified/);
  await expect(panel.getByTestId("forwarding-status")).toHaveText("Forwarding verified", { timeout: 20_000 });
  await expect(panel.getByText("Gmail confirmation waiting")).toHaveCount(0);
});

test("the demo provider's outbox shows every message and what the provider did", async ({ page }) => {
  const panel = await openMailbox(page, "Billing");
  await panel.getByRole("link", { name: "Open the demo provider's outbox" }).click();
  await expect(page.getByRole("heading", { name: "Demo provider outbox", level: 1 })).toBeVisible();
  const outbox = page.getByRole("list", { name: "Demo provider outbox" });
  await expect(outbox).toContainText("Bounced");
  await expect(outbox).toContainText("Forwarded");
  await expect(outbox).toContainText("Waiting for confirmation");
  await shoot(page, "4-outbox");
  await expectAccessible(page);
});

test("R25: after an address change, S3 warns, and S4 and S1 say 'Not verified for <new address>'", async ({ page }) => {
  await openMailbox(page, "Support Team");
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Email address (local part)").fill("help");
  await expect(page.getByText("Change the forwarding rule too")).toBeVisible();
  await shoot(page, "5-edit-warning");
  await page.getByRole("button", { name: "Save" }).click();
  const panel = page.getByRole("region", { name: "Forwarding" });
  await expect(panel.getByTestId("forwarding-status")).toHaveText("Not verified for help@mycompany.com");
  await expect(page.getByRole("region", { name: "History" })).toContainText("change it at your email provider");
  await shoot(page, "6-not-verified-for-new-address");
  await expectAccessible(page);
  await page.goto("/maker/mailboxes");
  await expect(page.getByRole("row", { name: /Support Team/ })).toContainText("Not verified for help@mycompany.com");
  await shoot(page, "7-list", false);
  await expectAccessible(page);
});

test("issue 21.1: a new mailbox is verified through a rule the admin creates in the demo provider, which can be removed", async ({
  page,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const name = `Orders ${tag}`;
  const address = `orders-${tag}@mycompany.com`;
  await page.goto("/maker/mailboxes/new");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email address (local part)").fill(`orders-${tag}`);
  await page.getByLabel("Email domain").focus();
  await page.keyboard.type("mycompany");
  await expect(page.getByLabel("Email domain")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.getByRole("button", { name: /^Configure your mailbox in/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: /Another host/ }).check();
  await dialog.getByRole("button", { name: "Create this rule in the demo provider" }).click();
  await expect(
    dialog.getByText(`Rule created at the demo provider (Another host): ${address} forwards to the alias.`),
  ).toBeVisible();
  await page.setViewportSize({ width: 390, height: 900 });
  await dialog.screenshot({ path: shots("8-create-rule", 390) });
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.screenshot({ path: shots("8-create-rule", 1440) });
  await expectAccessible(page);
  await page.keyboard.press("Escape");

  const panel = page.getByRole("region", { name: "Forwarding" });
  await panel.getByRole("button", { name: "Verify forwarding" }).click();
  await expect(panel.getByTestId("forwarding-status")).toHaveText("Forwarding verified", { timeout: 20_000 });

  await page.goto("/maker/demo-provider");
  const rules = page.getByRole("list", { name: "Forwarding rules at the demo provider" });
  await expect(rules).toContainText(address);
  await shoot(page, "9-provider-rules");
  await expectAccessible(page);
  await rules.getByRole("button", { name: `Remove the rule of ${address}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove rule" }).click();
  await expect(rules).not.toContainText(address);
});
