import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectAccessible, signIn, USERS } from "../fixtures/auth";
import { verifyForwardingWhenAllowed } from "../fixtures/verify-forwarding";

// Issue 23's end-to-end test, on the demo as a newcomer gets it: an admin adds a webhook endpoint in Settings, a
// mailbox's forwarding rule at the demo provider verifies, is then broken (Microsoft 365 blocking external
// forwarding), and the organisation's receiver, here on 127.0.0.1, gets both `mailbox.forwarding.changed` events,
// signed as Standard Webhooks, within seconds (the commit wakes the delivery job; nobody waits for the minute).
test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let server: Server;
let url = "";

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/mailboxes`;
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const shot = (name: string, width: number) =>
  path.join(test.info().outputDir, "..", "demo-screens", `${name}-${width}.png`);
async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: shot(name, width), fullPage: true });
    const by = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(by, `sideways scroll at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The forwarding events the receiver got for `mailboxId`, each verified with the secret as an integrator would. */
function forwardingEvents(secret: string, mailboxId: string) {
  return received
    .map(
      (r) =>
        new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
          type: string;
          data: { id: string; forwarding: { status: string } };
        },
    )
    .filter((e) => e.type === "mailbox.forwarding.changed" && e.data.id === mailboxId)
    .map((e) => e.data.forwarding.status);
}

test("issue 23: an endpoint added in Settings receives mailbox.forwarding.changed when a demo rule verifies, then breaks", async ({
  page,
}) => {
  await signIn(page, USERS.admin);
  await expect(page).toHaveURL(/\/maker\//);

  // Settings → Webhooks: add the endpoint, keep the secret shown once.
  await page.goto("/maker/settings");
  await page
    .getByRole("link", { name: /webhooks/i })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Endpoint URL").fill(url);
  await dialog.getByLabel(/Forwarding verified, failed or reset/).check();
  await dialog.getByLabel(/Mailbox health changed/).check();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await dialog.getByTestId("webhook-secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("webhook-url")).toHaveText(url);

  // A new mailbox whose rule the admin creates at the demo provider ("Another host": forwards at once).
  const tag = Math.random().toString(36).slice(2, 8);
  const name = `Hooks ${tag}`;
  await page.goto("/maker/mailboxes/new");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email address (local part)").fill(`hooks-${tag}`);
  await page.getByLabel("Email domain").focus();
  await page.keyboard.type("mycompany");
  await expect(page.getByLabel("Email domain")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const mailboxId = page.url().split("/").pop()!.split("?")[0];
  const createRule = async (provider: RegExp) => {
    await page.getByRole("button", { name: /^Configure your mailbox in/ }).click();
    const d = page.getByRole("dialog");
    await d.getByRole("radio", { name: provider }).check();
    await d.getByRole("button", { name: "Create this rule in the demo provider" }).click();
    await expect(d.getByText(/Rule created at the demo provider/)).toBeVisible();
    await page.keyboard.press("Escape");
  };
  await createRule(/Another host/);
  const panel = page.getByRole("region", { name: "Forwarding" });
  await panel.getByRole("button", { name: "Verify forwarding" }).click();
  await expect(panel.getByTestId("forwarding-status")).toHaveText("Forwarding verified", { timeout: 20_000 });
  await expect.poll(() => forwardingEvents(secret, mailboxId), { timeout: 15_000 }).toEqual(["verified"]);

  // Broken: the rule is replaced by one that Microsoft 365 blocks; the next verification fails on its bounce.
  await page.goto("/maker/demo-provider");
  const rules = page.getByRole("list", { name: "Forwarding rules at the demo provider" });
  await rules.getByRole("button", { name: `Remove the rule of hooks-${tag}@mycompany.com` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove rule" }).click();
  await expect(rules).not.toContainText(`hooks-${tag}@mycompany.com`);
  await page.goto(`/maker/mailboxes/${mailboxId}`);
  await createRule(/Microsoft 365/);
  await verifyForwardingWhenAllowed(panel, /Verification pending|Verification failed/);
  await expect(panel.getByTestId("forwarding-status")).toHaveText("Verification failed", { timeout: 20_000 });
  await expect.poll(() => forwardingEvents(secret, mailboxId), { timeout: 15_000 }).toEqual(["verified", "failed"]);

  // The endpoint's delivery log says so too.
  await page.goto("/maker/settings/webhooks");
  const log = page.getByRole("table", { name: "Deliveries" });
  await expect(log.getByTestId("webhook-delivery").filter({ hasText: "mailbox.forwarding.changed" })).toHaveCount(2);
  await expect(log.getByText("Delivered").first()).toBeVisible();
  await shoot(page, "10-webhooks");
  await expectAccessible(page);
});
