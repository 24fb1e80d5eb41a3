import { randomUUID } from "node:crypto";
import type { Page, Response } from "@playwright/test";
import { USERS, expect, expectAccessible, signIn, test } from "../fixtures/auth";

function expectSecurityHeaders(res: Response) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["x-frame-options"]).toBe("DENY");
  return csp;
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test.describe("security headers on every response (issue 11)", () => {
  test("a page, an action's response and the 404 page carry the CSP (a fresh nonce each) and the other headers", async ({ page }) => {
    const violations = watchCspViolations(page);
    const first = await page.goto("/maker/mailboxes");
    const csp1 = expectSecurityHeaders(first!);
    const again = await page.goto("/maker/mailboxes");
    expect(expectSecurityHeaders(again!)).not.toBe(csp1); // nonce per request
    await expect(page.getByRole("heading", { name: "Mailboxes" })).toBeVisible();

    await page.goto("/maker/queues");
    const actionResponse = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await page.getByRole("button", { name: "Create queue" }).first().click();
    await page.getByRole("dialog").getByLabel("Name").fill(`Headers ${randomUUID().slice(0, 6)}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create queue" }).click();
    expectSecurityHeaders(await actionResponse);

    const missing = await page.goto("/maker/no-such-page");
    expect(missing!.status()).toBe(404);
    expectSecurityHeaders(missing!);
    expect(violations).toEqual([]);
  });

  test("another origin cannot frame Maker", async ({ page }) => {
    await page.goto("/maker/mailboxes");
    const src = new URL("/maker/mailboxes", page.url()).href;
    await page.setContent(`<iframe id="f"></iframe>`);
    // Wait for the frame's own load event (fired for the refusal page too), then look inside it.
    await page.locator("#f").evaluate((el: HTMLIFrameElement, url: string) => new Promise((done) => { el.onload = done; el.src = url; }), src);
    // Chromium replaces a refused frame's document with its own error page: the app's page is not inside it.
    // (Without the headers the frame would show the app: the sign-in page, since the session cookie is SameSite.)
    const child = page.frames().find((f) => f !== page.mainFrame());
    expect(child?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator("#f").locator("input")).toHaveCount(0);
  });

  test("a malformed percent-encoding in the path answers a branded 400, not a 500", async ({ page }) => {
    const res = await page.goto("/maker/%E0%A4%A");
    expect(res!.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "This address is not valid" })).toBeVisible();
    expectSecurityHeaders(res!);
  });
});

test.describe("sign-in limit (issue 11)", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("after 5 wrong passwords the form says to wait, for an unknown account as for a known one", async ({ page }) => {
    const violations = watchCspViolations(page);
    const email = `nobody-${randomUUID().slice(0, 8)}@mycompany.com`;
    for (let i = 0; i < 5; i++) {
      await signIn(page, email, "not-the-password");
      await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    }
    await signIn(page, email, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "Too many attempts: try again in 15 minutes." })).toBeVisible();
    await expectAccessible(page);
    expect(violations).toEqual([]);
  });

  test("an open redirect in next is refused after a real sign-in", async ({ page }) => {
    await page.goto("/sign-in?next=/%09/evil.example");
    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill("e2e-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/maker\/mailboxes$/);
    const repeated = await page.goto("/sign-in?next=/maker/queues&next=//evil.example");
    expect(repeated!.status()).toBe(200);
  });
});
