import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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
  test("a page, an action's response and the 404 page carry the CSP (a fresh nonce each) and the other headers", async ({
    page,
  }) => {
    const violations = watchCspViolations(page);
    const first = await page.goto("/maker/mailboxes");
    const csp1 = expectSecurityHeaders(first!);
    const again = await page.goto("/maker/mailboxes");
    expect(expectSecurityHeaders(again!)).not.toBe(csp1); // nonce per request
    await expect(page.getByRole("heading", { name: "Mailboxes" })).toBeVisible();

    await page.goto("/maker/queues");
    const actionResponse = page.waitForResponse(
      (r) => r.request().method() === "POST" && !!r.request().headers()["next-action"],
    );
    await page.getByRole("button", { name: "Create queue" }).first().click();
    await page
      .getByRole("dialog")
      .getByLabel("Name")
      .fill(`Headers ${randomUUID().slice(0, 6)}`);
    await page.getByRole("dialog").getByRole("button", { name: "Create queue" }).click();
    expectSecurityHeaders(await actionResponse);

    const missing = await page.goto("/maker/no-such-page");
    expect(missing!.status()).toBe(404);
    expectSecurityHeaders(missing!);
    expect(violations).toEqual([]);
  });

  test("issue 20.6: the 404 of a missing static file carries a CSP and the other headers", async ({ request }) => {
    const res = await request.get(`/_next/static/chunks/no-such-file-${randomUUID().slice(0, 8)}.js`);
    expect(res.status()).toBe(404);
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("default-src 'self'");
    expect(h["content-security-policy"]).toContain("script-src 'self'");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
  });

  // Clickjacking (issue 11): a page of another origin frames the app. Two attackers, served by a real HTTP server
  // of the test's own on a free port: another site (127.0.0.1: the session cookie is SameSite=Lax, so its frame
  // would show the sign-in page) and another origin of the same site (localhost on another port, as a sibling
  // subdomain would be in production: the cookie IS sent, its frame would show Maker signed in). Their pages carry
  // none of the app's headers (the app's own `frame-src 'none'` on the parent would block the frame from the
  // parent's side and hide a missing frame-ancestors / X-Frame-Options), and they are real local servers
  // (a page.route page counts as public, and Chromium's private-network rule would block the frame for that
  // reason). Whatever app page would show, signed in or not, the frame must hold Chromium's refusal page for a
  // response that forbids framing, and nothing of the app.
  test("another origin cannot frame Maker, signed in or not", async ({ page, baseURL }) => {
    const app = new URL(baseURL!);
    let framed = "";
    const attacker = createServer((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><title>attacker</title><iframe id="f" src="${framed}" onload="document.title='frame loaded'"></iframe>`,
      );
    });
    await new Promise<void>((listening) => attacker.listen(0, "127.0.0.1", listening));
    try {
      const { port } = attacker.address() as AddressInfo;
      const attackers = {
        "another site": `http://127.0.0.1:${port}`,
        "another origin of the same site": `http://localhost:${port}`,
      };
      for (const [who, origin] of Object.entries(attackers)) {
        for (const path of ["/maker/mailboxes", "/sign-in"]) {
          framed = new URL(path, app).href;
          await page.goto(`${origin}/`);
          // The frame's load event fires for a refused frame too (Chromium's error page).
          await expect(page, `${who} framing ${path}`).toHaveTitle("frame loaded");
          const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame())!;
          // Soft, so that a failure lists every attacker and page that could frame the app.
          expect.soft(frame.url(), `${who} framed ${path}: the frame shows the app`).toMatch(/^chrome-error:/);
          if (!frame.url().startsWith("chrome-error:")) continue;
          // Refused because of the response's headers (not a connection error or the private-network rule).
          await expect(frame.locator("body")).toContainText("ERR_BLOCKED_BY_RESPONSE");
          // Nothing of any app page (its Next.js scripts and styles, a form, a field, a heading of the app).
          await expect(frame.locator("script[src*='/_next/'], link[href*='/_next/'], form, input")).toHaveCount(0);
          await expect(frame.getByRole("heading", { name: /Mailboxes|Sign in/ })).toHaveCount(0);
        }
      }
    } finally {
      attacker.close();
    }
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
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "Too many attempts for this account from this device: try again in 15 minutes" }),
    ).toBeVisible();
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
