import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test } from "../fixtures/auth";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test.describe("S1–S4 mailboxes", () => {
  test("create, copy the alias, read the instructions, edit with refusals, filter, sort, deactivate, reactivate, delete", async ({
    page,
  }) => {
    const tag = randomUUID().slice(0, 6);
    const local = `desk-${tag}`;
    const address = `${local}@mycompany.com`;

    // S1: the list, its count, and the way to create.
    await page.goto("/maker/mailboxes");
    await expect(page.getByTestId("mailbox-count")).toHaveText(/\d+ of 50 mailboxes/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Create" }).click();

    // S2: create; an uppercase letter is refused as typed, next to the field, with the value kept.
    await expect(page.getByRole("heading", { name: "Create mailbox" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Display name").fill(`Front desk ${tag}`);
    const localPart = page.getByLabel("Email address (local part)");
    await localPart.fill(`Desk-${tag}`);
    await expect(page.getByText("Use lowercase letters only")).toBeVisible();
    await expect(localPart).toHaveValue(`Desk-${tag}`);
    await localPart.fill(local);
    await page.getByLabel("Email domain").selectOption({ label: "mycompany.com" });
    await page.getByLabel("Smart Routing", { exact: true }).selectOption({ label: "Escalation" });
    await expect(page.getByRole("radio", { name: /Production/ })).toBeDisabled();
    await page.getByRole("radio", { name: /Test/ }).check();
    await page.getByRole("button", { name: "Create", exact: true }).click();

    // S4: the detail page, its alias and the forwarding instructions.
    await expect(page.getByRole("heading", { name: `Front desk ${tag}` })).toBeVisible();
    const alias = (await page.getByTestId("alias").textContent())!;
    expect(alias).toMatch(/^[a-z0-9]{8,}@demo\.ino\.cx$/);
    const copy = page.getByRole("region", { name: "Alias" }).getByRole("button", { name: /^(Copy alias|Copied)$/ });
    await copy.focus();
    await page.keyboard.press("Enter"); // keyboard-usable
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(alias);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Configure your mailbox in INO cx" }).click();
    const instructions = page.getByRole("dialog", { name: "Configure your mailbox in INO cx" });
    await expect(instructions).toContainText(alias);
    await expect(instructions).toContainText("Google Workspace");
    await expect(instructions).toContainText("Microsoft 365");
    await expect(instructions).toContainText("550 5.7.520");
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("region", { name: "History" })).toContainText("created the mailbox");

    // S3: edit. A duplicate address is refused by the server next to the field, input kept.
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { name: `Edit Front desk ${tag}` })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Display name").fill(`Front desk ${tag} (EU)`);
    await localPart.fill(`Desk-${tag}`);
    await expect(page.getByText("Use lowercase letters only")).toBeVisible();
    await expect(localPart).toHaveValue(`Desk-${tag}`);
    await localPart.fill("support");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("support@mycompany.com is already a mailbox of your organisation.")).toBeVisible();
    await expect(localPart).toHaveValue("support");
    await expect(page.getByLabel("Display name")).toHaveValue(`Front desk ${tag} (EU)`);
    await localPart.fill(local);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { name: `Front desk ${tag} (EU)` })).toBeVisible();
    await expect(page.getByTestId("alias")).toHaveText(alias); // R11: an edit never changes the alias
    await expect(page.getByRole("region", { name: "History" })).toContainText("edited the mailbox");

    // S1: filter and sort, kept in the URL.
    await page.getByRole("link", { name: "← Mailboxes" }).click();
    await page.getByLabel("Filter mailboxes").fill(tag);
    await expect(page.getByRole("row")).toHaveCount(2); // header + our mailbox
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    await page.reload();
    await expect(page.getByLabel("Filter mailboxes")).toHaveValue(tag);
    await expect(page.getByRole("row")).toHaveCount(2);
    await page.getByLabel("Filter mailboxes").fill("");
    await page.getByLabel("Status").selectOption("inactive");
    await expect(page.getByRole("link", { name: "Old newsletter" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Support Team" })).toHaveCount(0);
    await page.getByLabel("Status").selectOption("all");
    await expect(page).not.toHaveURL(/status=/);
    await expect(page.getByRole("link", { name: "Support Team" })).toBeVisible();
    await page.getByRole("link", { name: "Display name" }).click(); // now descending
    await expect(page).toHaveURL(/dir=desc/);
    const names = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    await page.getByRole("link", { name: "Address" }).click();
    await expect(page).toHaveURL(/sort=address/);
    const addresses = await page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(addresses).toEqual([...addresses].sort((a, b) => a.localeCompare(b)));

    // S4: deactivate and reactivate.
    await page.getByRole("link", { name: `Front desk ${tag} (EU)` }).click();
    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByText("Inactive", { exact: true }).first()).toBeVisible();
    await page.getByRole("button", { name: "Activate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Activate" }).click();
    // Active again: S4 offers Deactivate, and its one state is no longer "Inactive" (decision 0011).
    await expect(page.getByRole("button", { name: "Deactivate" })).toBeVisible();
    await expect(page.getByText("Inactive", { exact: true })).toHaveCount(0);

    // S4: delete, after typing the address.
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Delete mailbox" })).toBeDisabled();
    await dialog.getByLabel(`Type ${address} to confirm`).fill(address);
    await dialog.getByRole("button", { name: "Delete mailbox" }).click();
    await expect(page).toHaveURL(/\/maker\/mailboxes$/);
    await expect(page.getByRole("link", { name: `Front desk ${tag} (EU)` })).toHaveCount(0);
  });

  test("R13 R14: Deactivate and Delete say they are blocked, and why, before any confirmation, with one-click fixes", async ({
    page,
  }) => {
    await page.goto("/maker/mailboxes");
    await page.getByRole("link", { name: "Support Team", exact: true }).click();
    const deactivate = page.getByRole("button", { name: "Deactivate" });
    await expect(deactivate).toHaveAttribute("aria-disabled", "true");
    await expect(deactivate).toHaveAccessibleDescription(
      /Deactivate is blocked: Support Team is the default sender of “Support”/,
    );
    await deactivate.dispatchEvent("click"); // Playwright will not click an aria-disabled button; a person can
    await expect(page.getByRole("dialog")).toHaveCount(0); // no confirmation for an action that cannot succeed
    await expect(page.getByRole("link", { name: "Open Support: add another active mailbox first" })).toBeVisible();
    const del = page.getByRole("button", { name: "Delete" });
    await expect(del).toHaveAttribute("aria-disabled", "true");
    await expect(del).toHaveAccessibleDescription(/Delete is blocked: Support Team is linked to “Billing”, “Support”/);
    await expectAccessible(page);

    // One click makes another active mailbox the default, and Deactivate is no longer blocked.
    await page.goto("/maker/mailboxes");
    await page.getByRole("link", { name: "Billing", exact: true }).first().click();
    await page.getByRole("button", { name: "Make Support Team the default of Billing" }).click();
    await expect(page.getByRole("button", { name: "Deactivate" })).not.toHaveAttribute("aria-disabled");
    await page.getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByRole("dialog")).toContainText("customers writing to billing@mycompany.com get bounces");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Delete" })).toHaveAccessibleDescription(/linked to “Billing”/);

    // Put the demo back as it was.
    await page.getByRole("link", { name: "Billing", exact: true }).first().click();
    await page.getByRole("button", { name: "Make default: billing@mycompany.com" }).click();
    await expect(page.getByRole("button", { name: "Make default: billing@mycompany.com" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });
});
