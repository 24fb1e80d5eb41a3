import { expect, expectAccessible, test } from "../fixtures/auth";

// R40–R42 as a person uses them: create a key in Settings, call the API with it from a script (fetch), revoke it in
// Settings, and see the script refused at once. The reference page renders offline, under the app's CSP.

test.describe("API keys and /api/v1", () => {
  // A build and a shared, busy machine: the journey has many steps, each waited for.
  test.describe.configure({ timeout: 180_000 });
  test("create a key in Settings, use it with fetch, revoke it in Settings and see 401", async ({
    page,
    baseURL,
  }, info) => {
    const name = `E2E script ${Date.now()}`;
    await page.goto("/maker/settings");
    const card = page.getByRole("region", { name: "API keys" });
    await card.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel(/Read and write/).check();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Create key" }).click();
    const ready = page.getByRole("dialog", { name: `“${name}” is ready` });
    const secret = await ready.getByLabel("Your API key").inputValue();
    expect(secret).toMatch(/^ino_live_[A-Za-z0-9_-]{43}$/);
    await expect(ready.getByRole("button", { name: "Copy key" })).toBeVisible();
    await expectAccessible(page);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: info.outputPath(`api-key-created-${width}.png`) });
    }
    await ready.getByRole("button", { name: "Done" }).click();

    // The list shows the key by its prefix only, never its secret.
    const row = card.getByRole("listitem").filter({ hasText: name });
    await expect(row).toContainText(`${secret.slice(0, 15)}…`);
    await expect(row).toContainText("Read and write");
    await expect(card).not.toContainText(secret.slice(15));

    // A script uses it.
    const call = (key?: string) =>
      fetch(`${baseURL}/api/v1/mailboxes?limit=5`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const ok = await call(secret);
    expect(ok.status).toBe(200);
    const page1 = await ok.json();
    expect(Array.isArray(page1.data)).toBe(true);
    expect(ok.headers.get("ratelimit-policy")).toMatch(/^"per-key";q=\d+;w=60$/);
    // Without the key, and with the signed-in browser's cookies only: refused.
    expect((await call()).status).toBe(401);
    expect((await page.request.get("/api/v1/mailboxes")).status()).toBe(401);

    await page.reload();
    await expect(row).not.toContainText("Never");
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath(`api-keys-list-${width}.png`), fullPage: false });
    }

    // Revoke it in Settings: refused at once.
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page
      .getByRole("dialog", { name: `Revoke “${name}”?` })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expect(row).toContainText("Revoked");
    const refused = await call(secret);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect((await refused.json()).detail).toContain("revoked");
    await page.reload();
    await expect(page.getByRole("region", { name: "Recent activity" })).toContainText(
      `refused a request made with the revoked API key ${name}`,
    );
  });

  test("the reference renders offline under the CSP, and the OpenAPI document is served without a key", async ({
    page,
  }, info) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Mailboxes API");
    await expect(page.getByRole("heading", { name: "Create a mailbox" })).toBeVisible();
    await expect(page.locator("#problem-precondition-failed")).toContainText("412");
    await expectAccessible(page);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: info.outputPath(`docs-api-${width}.png`) });
    }
    expect(errors).toEqual([]);
    const doc = await (await page.request.get("/api/v1/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain("/mailboxes/{id}/verify-forwarding");
  });
});
