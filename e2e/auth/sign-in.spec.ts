import { test as base } from "@playwright/test";
import { USERS, expect, expectAccessible, signIn, test } from "../fixtures/auth";

base.describe("S7 sign in and out", () => {
  base("a wrong password is refused next to the field, with the email kept", async ({ page }) => {
    await signIn(page, USERS.admin, "not-the-password");
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(USERS.admin);
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page);
  });

  base("a signed-out visitor of a Maker URL signs in and comes back to it, then signs out", async ({ page }) => {
    await page.goto("/maker/settings");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fmaker%2Fsettings/);
    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill("e2e-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/maker\/settings$/);
    await expect(page.getByTestId("current-org")).toHaveText("Demo Company");
    await expect(page.getByTestId("current-user")).toContainText("Alex Admin");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/maker/settings");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("R18 who reaches Maker", () => {
  test.describe("as an agent", () => {
    test.use({ role: "agent" });
    test("is refused Maker with a clear page", async ({ page }) => {
      for (const path of ["/maker/settings", "/maker/mailboxes", "/maker/queues"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: "Maker is for administrators" })).toBeVisible();
      }
      await expectAccessible(page);
    });
  });

  test.describe("as the Starter admin", () => {
    test.use({ role: "starter" });
    test("sees “Smart licence needed” in the Mailboxes module", async ({ page }) => {
      await page.goto("/maker/mailboxes");
      await expect(page.getByRole("heading", { name: "Smart licence needed" })).toBeVisible();
      await expect(page.getByTestId("current-org")).toHaveText("Starter Company");
      await expectAccessible(page);
    });
  });
});
