import { test as setup, expect } from "@playwright/test";
import { USERS, signIn, storageStateOf, type Role } from "./fixtures/auth";

for (const role of Object.keys(USERS) as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, USERS[role]);
    await expect(page).toHaveURL(/\/maker\//);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
