import path from "node:path";
import { expect, expectAccessible, test } from "../fixtures/auth";

// R47 (issue 21 item 7): Settings lists the members with their role, who receives alerts, and the licence.
const shots = (name: string, width: number) =>
  path.join(test.info().outputDir, "..", "settings-screens", `${name}-${width}.png`);

test.describe.configure({ mode: "serial" });

test("members with their role; the last admin cannot be demoted; a role changes and changes back; a sign-in limit is cleared", async ({
  page,
}) => {
  await page.goto("/maker/settings");
  const members = page.getByRole("list", { name: "Members" });
  await expect(members).toContainText("Alex Admin");
  await expect(members).toContainText("Ada Agent");
  await expect(page.getByLabel("Role of Alex Admin")).toBeDisabled();
  await page.getByLabel("Role of Ada Agent").selectOption("admin");
  await expect(page.getByText("Ada Agent is now an admin.")).toBeVisible();
  await expect(page.getByLabel("Role of Alex Admin")).toBeEnabled();
  await page.getByLabel("Role of Ada Agent").selectOption("agent");
  await expect(page.getByText("Ada Agent is now an agent.")).toBeVisible();
  await expect(page.getByLabel("Role of Alex Admin")).toBeDisabled();

  await page.getByRole("button", { name: "Clear sign-in limit of Ada Agent" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Clear sign-in limit" }).click();
  await expect(page.getByText(/Ada Agent (can sign in again now|had no sign-in limit to clear)\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent activity" })).toContainText("changed the role of");
});

test("alert recipients: all admins by default, or chosen members; the licence and what it unlocks", async ({
  page,
}) => {
  await page.goto("/maker/settings");
  const card = page.getByRole("region", { name: "Alert recipients" });
  await expect(card.getByRole("radio", { name: /All admins/ })).toBeChecked();
  await expect(card).toContainText("Now: Alex Admin.");
  await card.getByRole("radio", { name: "Chosen members" }).check();
  await card.getByRole("checkbox", { name: /Alex Admin/ }).uncheck();
  await card.getByRole("checkbox", { name: /Ada Agent/ }).check();
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card).toContainText("Now: Ada Agent.");
  await expect(page.getByRole("region", { name: "Licence" })).toContainText("Smart licence");
  await expect(page.getByRole("list", { name: "What the Smart licence unlocks" })).toContainText(
    "Forwarding verification",
  );
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: shots("settings", width), fullPage: true });
    const by = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(by, `sideways scroll at ${width}px`).toBeLessThanOrEqual(0);
  }
  await expectAccessible(page);
  await card.getByRole("radio", { name: /All admins/ }).check();
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card).toContainText("Now: Alex Admin.");
});
