import path from "node:path";
import { simpleParser } from "mailparser";
import { sendRaw } from "../../tests/smtp-test-client";
import { expect, expectAccessible, test } from "../fixtures/auth";
import { startFakeProvider, type FakeProvider } from "../fixtures/fake-provider";
import { verifyForwardingWhenAllowed } from "../fixtures/verify-forwarding";

// R29 on S4 and every Maker page, against the app as `npm start` runs it (its job queue included): a verified
// mailbox whose rule is removed fails its check, needs attention (S4 health, banner on every page), the admin gets
// one alert email through OUTBOUND_SMTP_URL (the fake provider), and one when it recovers.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2626);
const PROVIDER_PORT = Number(process.env.E2E_PROVIDER_PORT ?? 2671);
const shots = (name: string) => path.join(test.info().outputDir, "..", "health-screens", `${name}.png`);
const ADDRESS = "support@mycompany.com";

let provider: FakeProvider;
test.beforeAll(async () => {
  provider = await startFakeProvider({ port: PROVIDER_PORT, receiver: { host: "127.0.0.1", port: SMTP_PORT } });
});
test.afterAll(async () => {
  await provider?.stop();
});

async function mailTo(to: string, subject: RegExp, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const m of provider.received) {
      if (!m.to.includes(to)) continue;
      const parsed = await simpleParser(m.raw);
      if (subject.test(parsed.subject ?? "")) return parsed;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`No mail to ${to} matching ${subject} within ${timeoutMs / 1000} s`);
}

test.describe("R29 forwarding health", () => {
  test.setTimeout(240_000);

  test("a removed rule: S4 health and timeline, the banner on every page, one alert email, and one on recovery", async ({
    page,
  }) => {
    await page.goto("/maker/mailboxes");
    await page
      .getByRole("link", { name: "Support Team", exact: true })
      .and(page.locator('[href^="/maker/mailboxes/"]'))
      .click();
    const panel = page.getByRole("region", { name: "Forwarding" });
    const health = page.getByRole("region", { name: "Health" });
    const alias = (await panel.getByTestId("forwarding-alias").textContent())!.trim();

    // Customer mail today, so the chart has a bar.
    for (let i = 0; i < 3; i++) {
      await sendRaw(
        SMTP_PORT,
        { from: "jeanne@customer.example", to: [alias] },
        `From: Jeanne <jeanne@customer.example>\r\nTo: ${ADDRESS}\r\nSubject: Order ${i}\r\nMessage-ID: <health-${Date.now()}-${i}@customer.example>\r\n\r\nHello\r\n`,
      );
    }
    provider.setRule(ADDRESS, alias);
    await panel.getByRole("button", { name: "Verify forwarding" }).click();
    await expect(panel.getByTestId("forwarding-status")).toHaveText("Forwarding verified");
    await page.reload();
    await expect(health.getByTestId("health-timeline")).toContainText("forwarding verified");
    await expect(health.getByTestId("health-timeline")).toContainText("Verification by");
    await expect(page.getByTestId("attention-banner")).toHaveCount(0);

    // The rule is removed; the next verification fails after VERIFY_TIMEOUT: needs attention.
    provider.setRule(ADDRESS, null);
    await verifyForwardingWhenAllowed(panel);
    await expect(panel.getByTestId("forwarding-status")).toHaveText("Verification failed", { timeout: 40_000 });
    await page.reload();
    // One state: the badge and the "Checks" list say the same (issue 18).
    await expect(panel.getByTestId("forwarding-status")).toHaveText("Verification failed");
    await expect(health.getByTestId("health-timeline").locator("li").first()).toContainText("verification failed");
    const banner = page.getByTestId("attention-banner");
    await expect(banner).toContainText("Support Team needs attention");

    // One alert email per admin, from the job queue's next tick, in the mailbox's language (the org's: English).
    const alert = await mailTo("admin@mycompany.com", /^Action needed: mail to support@mycompany\.com/, 150_000);
    expect(alert.text).toContain("/maker/mailboxes/");
    expect(alert.text).toMatch(/Central European (Standard|Summer) Time/); // Europe/Paris, named
    await page.reload();
    await expect(health.getByTestId("health-timeline")).toContainText(
      "Needs attention: administrators alerted by email",
    );
    await expect(page.getByTestId("received-chart")).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.screenshot({ path: shots("s4-needs-attention-1440"), fullPage: true });
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await health.screenshot({ path: shots("s4-health-390") });
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".sr-only"))
        .filter((el, _i, all) => !all.some((other) => other !== el && el.contains(other)))
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`)
        .slice(0, 8),
    );
    expect(overflowing).toEqual([]);

    // The banner is on every Maker page, and leads to the mailboxes.
    await page.goto("/maker/queues");
    await expect(banner).toBeVisible();
    await page.screenshot({ path: shots("banner-queues-390") });
    await page.setViewportSize({ width: 1440, height: 900 });
    await expectAccessible(page);
    // S1 filtered by health: only the mailbox that needs attention, its cause in the badge's words.
    await page.goto("/maker/mailboxes");
    await page.getByLabel("Forwarding").selectOption("needs_attention");
    await expect(page).toHaveURL(/health=needs_attention/);
    const rows = page.getByRole("table", { name: "Mailboxes" }).locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Support Team");
    await expect(rows.first()).toContainText("Verification failed");
    await page.screenshot({ path: shots("s1-needs-attention-1440") });

    // The rule comes back: verified, healthy, no banner, and one recovery email.
    await page
      .getByRole("link", { name: "Support Team", exact: true })
      .and(page.locator('[href^="/maker/mailboxes/"]'))
      .click();
    provider.setRule(ADDRESS, alias);
    await panel.getByRole("button", { name: "Verify forwarding" }).click();
    await expect(panel.getByTestId("forwarding-status")).toHaveText("Forwarding verified");
    await page.reload();
    await expect(page.getByTestId("attention-banner")).toHaveCount(0);
    await mailTo("admin@mycompany.com", /^Resolved: mail to support@mycompany\.com/, 150_000);
    const alerts = [];
    for (const m of provider.received)
      if (m.to.includes("admin@mycompany.com")) alerts.push((await simpleParser(m.raw)).subject);
    expect(alerts.filter((s) => s?.startsWith("Action needed"))).toHaveLength(1);
    expect(alerts.filter((s) => s?.startsWith("Resolved"))).toHaveLength(1);
  });
});
