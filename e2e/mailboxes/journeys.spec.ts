import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { E2E_PASSWORD } from "../../playwright.config";
import { expect, expectAccessible, storageStateOf, test, USERS } from "../fixtures/auth";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/**
 * Presses Tab (or Shift+Tab when the target comes before the focused element) until `target` has focus,
 * checking after every press that focus never fell to the body.
 */
async function tabTo(page: Page, target: Locator, max = 80) {
  const backwards = await target.evaluate(
    (el) =>
      !!document.activeElement &&
      document.activeElement !== document.body &&
      !!(el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    expect(
      await page.evaluate(() => document.activeElement === document.body || document.activeElement === null),
      "focus lost to the body",
    ).toBe(false);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target} with Tab`);
}
const noFocusOnBody = async (page: Page) =>
  expect(
    await page.evaluate(() => document.activeElement === document.body || document.activeElement === null),
    "focus lost to the body",
  ).toBe(false);

async function createByKeyboard(
  page: Page,
  name: string,
  local: string,
  queue?: { name: string; makeDefault: boolean },
) {
  await page.goto("/maker/mailboxes/new");
  await tabTo(page, page.getByLabel("Display name"));
  await page.keyboard.type(name);
  await tabTo(page, page.getByLabel("Email address (local part)"));
  await page.keyboard.type(local);
  await tabTo(page, page.getByLabel("Email domain"));
  await page.keyboard.type("mycompany");
  await expect(page.getByLabel("Email domain")).toHaveValue(/.+/);
  if (queue) {
    await tabTo(page, page.getByLabel("Search queues"));
    await page.keyboard.type(queue.name);
    await tabTo(page, page.getByRole("checkbox", { name: queue.name, exact: true }));
    await page.keyboard.press("Space");
    if (queue.makeDefault) {
      await tabTo(page, page.getByRole("checkbox", { name: `Make this mailbox the default sender of ${queue.name}` }));
      await page.keyboard.press("Space");
    }
  }
  await tabTo(page, page.getByRole("button", { name: "Create", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test.describe("Issue 12 journeys", () => {
  test("keyboard only: create with a queue and its default sender, copy the alias, bulk-deactivate two; focus never on the body", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const tag = randomUUID().slice(0, 6);
    await createByKeyboard(page, `Kbd sender ${tag}`, `kbd-sender-${tag}`, { name: "Sales", makeDefault: true });
    await expect(page.getByRole("region", { name: "Queues" })).toContainText("Sales");
    await expect(page.getByRole("region", { name: "Queues" })).toContainText("Default sender");

    // Copy the alias with the keyboard.
    const alias = (await page.getByTestId("alias").textContent())!;
    const copy = page.getByRole("region", { name: "Alias" }).getByRole("button", { name: /^(Copy alias|Copied)$/ });
    await tabTo(page, copy);
    await page.keyboard.press("Enter");
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(alias);

    await createByKeyboard(page, `Kbd one ${tag}`, `kbd-one-${tag}`);
    await createByKeyboard(page, `Kbd two ${tag}`, `kbd-two-${tag}`);

    // S1: select the two with the keyboard and deactivate them in bulk.
    await page.goto(`/maker/mailboxes?q=kbd-`);
    await expect(page.getByRole("table", { name: "Mailboxes" }).getByRole("row")).not.toHaveCount(1);
    for (const n of ["one", "two"]) {
      await tabTo(page, page.getByRole("checkbox", { name: `Select Kbd ${n} ${tag}` }));
      await page.keyboard.press("Space");
    }
    await expect(page.getByText("2 selected")).toBeVisible();
    const deactivate = page.getByRole("group", { name: "Bulk actions" }).getByRole("button", { name: "Deactivate…" });
    await tabTo(page, deactivate);
    await page.keyboard.press("Enter");
    // H6 item 4: it asks first, saying what happens to how many; then the Undo takes the focus.
    const confirm = page
      .getByRole("dialog", { name: "Deactivate 2 mailboxes?" })
      .getByRole("button", { name: "Deactivate 2 mailboxes" });
    await tabTo(page, confirm);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Deactivated: 2 of 2 mailboxes." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
    await noFocusOnBody(page);
    for (const n of ["one", "two"])
      await expect(page.getByRole("row", { name: new RegExp(`Kbd ${n} ${tag}`) })).toContainText("Inactive");
    await expectAccessible(page);

    // A refusal is reported for its mailbox: the default sender of Sales cannot be deactivated (R13).
    await page.getByLabel("Filter mailboxes").fill(`kbd-sender-${tag}`);
    await expect(page.getByRole("table", { name: "Mailboxes" }).getByRole("row")).toHaveCount(2);
    await page.getByRole("checkbox", { name: `Select Kbd sender ${tag}` }).check();
    await deactivate.click();
    await expect(page.getByRole("dialog", { name: "Nothing to deactivate" })).toContainText(
      `Kbd sender ${tag}: kbd-sender-${tag}@mycompany.com is the default sender of “Sales”`,
    );
    await page.keyboard.press("Escape");

    // Put the demo back: Sales Europe is Sales's default again, made default with the keyboard, focus kept.
    await page.goto("/maker/queues");
    await page.getByRole("link", { name: "Sales", exact: true }).click();
    const make = page.getByRole("button", { name: "Make default: sales@example.org" });
    await tabTo(page, make);
    await page.keyboard.press("Enter");
    await expect(make).toHaveAttribute("aria-pressed", "true");
    await expect(make).toBeFocused();
  });

  test("network cut on Create and Save: the message shows where the person looks, and the input stays", async ({
    page,
  }) => {
    const tag = randomUUID().slice(0, 6);
    await page.goto("/maker/mailboxes/new");
    await page.getByLabel("Display name").fill(`Offline ${tag}`);
    await page.getByLabel("Email address (local part)").fill(`offline-${tag}`);
    await page.getByLabel("Email domain").selectOption({ label: "mycompany.com" });
    const cut = (url: string) =>
      page.route(url, (route) =>
        route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
      );
    await cut("**/maker/mailboxes/new");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "The connection dropped" });
    await expect(alert).toContainText("Not created");
    await expect(page.getByLabel("Display name")).toHaveValue(`Offline ${tag}`);
    await expect(page.getByLabel("Email address (local part)")).toHaveValue(`offline-${tag}`);
    await expect(page.getByRole("button", { name: "Create", exact: true })).toBeEnabled();
    await expectAccessible(page);
    await page.unrouteAll();
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Offline ${tag}` })).toBeVisible();

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Display name").fill(`Offline ${tag} renamed`);
    await cut("**/edit");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The connection dropped" })).toContainText("Not saved");
    await expect(page.getByLabel("Display name")).toHaveValue(`Offline ${tag} renamed`);
    await page.unrouteAll();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Offline ${tag} renamed` })).toBeVisible();
  });

  test("an unsaved edit asks before leaving; a stale edit offers their changes beside keeping mine", async ({
    page,
    browser,
  }) => {
    const tag = randomUUID().slice(0, 6);
    await page.goto("/maker/mailboxes/new");
    await page.getByLabel("Display name").fill(`Stale ${tag}`);
    await page.getByLabel("Email address (local part)").fill(`stale-${tag}`);
    await page.getByLabel("Email domain").selectOption({ label: "mycompany.com" });
    // Leaving with unsaved input asks first; dismissing keeps the form.
    page.once("dialog", (d) => d.dismiss());
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page.getByLabel("Display name")).toHaveValue(`Stale ${tag}`);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Stale ${tag}` })).toBeVisible();
    const editUrl = `${page.url()}/edit`;

    await page.goto(editUrl);
    await page.getByLabel("Display name").fill(`Stale ${tag} mine`);
    // Someone else saves first, in another session.
    const other = await browser.newPage({
      storageState: storageStateOf("admin"),
      baseURL: test.info().project.use.baseURL,
    });
    await other.goto(editUrl);
    await other.getByLabel("Display name").fill(`Stale ${tag} theirs`);
    await other.getByRole("button", { name: "Save" }).click();
    await expect(other.getByRole("heading", { level: 1, name: `Stale ${tag} theirs` })).toBeVisible();
    await other.close();

    await page.getByRole("button", { name: "Save" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "This mailbox changed since you opened it" });
    await expect(alert.getByRole("link", { name: "Review their changes" })).toHaveAttribute("target", "_blank");
    await expect(page.getByLabel("Display name")).toHaveValue(`Stale ${tag} mine`);
    await alert.getByRole("button", { name: "Keep mine and save again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Stale ${tag} mine` })).toBeVisible();
  });

  test("an expired session: a sign-in link that comes back to the form with its input", async ({ page }) => {
    const tag = randomUUID().slice(0, 6);
    await page.goto("/maker/mailboxes/new");
    await page.getByLabel("Display name").fill(`Session ${tag}`);
    await page.getByLabel("Email address (local part)").fill(`session-${tag}`);
    await page.getByLabel("Email domain").selectOption({ label: "mycompany.com" });
    await page.context().clearCookies(); // the session ends while the form is open
    await page.getByRole("button", { name: "Create", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Your session has ended" });
    await expect(alert).toContainText("your input is kept");
    await alert.getByRole("link", { name: "Sign in again" }).click();
    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/maker\/mailboxes\/new$/);
    await expect(page.getByLabel("Display name")).toHaveValue(`Session ${tag}`);
    await expect(page.getByLabel("Email address (local part)")).toHaveValue(`session-${tag}`);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Session ${tag}` })).toBeVisible();
  });
});
