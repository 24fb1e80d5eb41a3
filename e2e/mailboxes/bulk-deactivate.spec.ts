import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures/auth";

// H6 item 4: bulk Deactivate says what will happen to how many and which are refused and why, runs when confirmed,
// and offers an Undo that really reverses it (audited as an undo, in the mailbox's history).
test("bulk Deactivate: confirmation with the refusal list, then Undo", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const make = async (name: string, local: string) => {
    await page.goto("/maker/mailboxes/new");
    await page.getByLabel("Display name").fill(name);
    await page.getByLabel("Email address (local part)").fill(local);
    await page.getByLabel("Email domain").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  };
  await make(`Bulk one ${tag}`, `bulk-one-${tag}`);
  await make(`Bulk two ${tag}`, `bulk-two-${tag}`);

  // The demo's Support Team is the default sender of "Support": refused, with its reason.
  await page.goto("/maker/mailboxes");
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
  for (const name of [`Bulk one ${tag}`, `Bulk two ${tag}`, "Support Team"])
    await page.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
  await expect(page.getByText("3 selected")).toBeVisible();
  await page.getByRole("button", { name: "Deactivate…" }).click();

  const dialog = page.getByRole("dialog", { name: "Deactivate 2 mailboxes?" });
  await expect(dialog).toContainText("They stop receiving mail at once");
  await expect(dialog.getByTestId("deactivation-plan")).toContainText("1 mailbox refused, left active:");
  await expect(dialog.getByTestId("deactivation-plan")).toContainText(
    /Support Team: \S+ is the default sender of “Support”/,
  );
  await page.screenshot({ path: `${test.info().project.outputDir}/screens/s1-bulk-dialog.png` });
  // nothing happened yet
  await expect(page.locator("table.mbx tbody tr", { hasText: `Bulk one ${tag}` })).not.toContainText("Inactive");
  await dialog.getByRole("button", { name: "Deactivate 2 mailboxes" }).click();

  const bar = page.getByTestId("bulk-bar");
  await expect(bar).toContainText("Deactivated: 2 of 3 mailboxes. They no longer receive mail. 1 refused:");
  for (const n of ["one", "two"])
    await expect(page.getByRole("row", { name: new RegExp(`Bulk ${n} ${tag}`) })).toContainText("Inactive");
  await expect(page.getByRole("row", { name: /Support Team/ })).not.toContainText("Inactive");
  await page.screenshot({ path: `${test.info().project.outputDir}/screens/s1-bulk-undo.png` });
  const undo = bar.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(bar).toContainText("2 mailboxes active again.");
  for (const n of ["one", "two"])
    await expect(page.getByRole("row", { name: new RegExp(`Bulk ${n} ${tag}`) })).not.toContainText("Inactive");

  // audited as an undo
  await page.getByRole("link", { name: `Bulk one ${tag}` }).click();
  await expect(page.getByText("undid the deactivation of the mailbox").first()).toBeVisible();
});
