import { expect, expectAccessible, test } from "../fixtures/auth";

test.describe("S6 Settings", () => {
  test("change the default timezone, add and remove a domain, see a duplicate refused next to the field", async ({
    page,
  }) => {
    await page.goto("/maker/settings");
    await expectAccessible(page);

    // Default timezone, through the picker built for people (tz database names, search by city/offset, named popover).
    const zone = page.getByRole("button", { name: "Default timezone" });
    await zone.click();
    const picker = page.getByRole("dialog", { name: "Choose a time zone" });
    const search = picker.getByRole("combobox", { name: /Search time zones/ });
    await expect(search).toBeFocused();
    await expectAccessible(page);
    await search.fill("kyiv");
    await expect(picker.getByRole("option").first()).toContainText("Europe/Kyiv");
    await expect(picker.getByRole("option").first()).toContainText(/UTC\+0[23]:00 · \d\d:\d\d/);
    await search.fill("ho chi minh");
    await expect(picker.getByRole("option").first()).toContainText("Asia/Ho Chi Minh");
    await search.fill("kolkata");
    await expect(picker.getByRole("option").first()).toContainText("Asia/Kolkata");
    await search.fill("kyiv");
    await page.keyboard.press("Enter");
    await expect(zone).toHaveText(/Europe\/Kyiv/);
    await page.getByRole("button", { name: "Save defaults" }).click(); // the server accepts Europe/Kyiv on Node 20
    await expect(page.getByText("Organisation defaults saved.")).toBeVisible();
    await zone.click();
    await search.fill("Lisbon");
    await page.keyboard.press("Enter");
    await expect(zone).toHaveText(/Europe\/Lisbon/);
    await expect(zone).toBeFocused();
    await page.getByRole("button", { name: "Save defaults" }).click();
    await expect(page.getByText("Organisation defaults saved.").first()).toBeVisible();
    await page.reload();
    await expect(zone).toHaveText(/Europe\/Lisbon/);
    const activity = page.getByRole("region", { name: "Recent activity" });
    await expect(activity).toContainText("changed the organisation defaults of Demo Company");
    await expect(activity).toContainText("Europe/Lisbon");

    // Add a domain; uppercase is refused as typed.
    const domainInput = page.getByLabel("Add a domain");
    await domainInput.fill("Support.Example.NET");
    await expect(page.getByText("Use lowercase letters only.")).toBeVisible();
    await expect(domainInput).toHaveValue("Support.Example.NET");
    await domainInput.fill("support.example.net");
    await page.getByRole("button", { name: "Add domain" }).click();
    const domains = page.getByRole("list", { name: "Email domains" });
    await expect(domains).toContainText("support.example.net");
    await expect(domainInput).toHaveValue("");

    // A duplicate is refused by the server, next to the field, with the input kept.
    await domainInput.fill("mycompany.com");
    await page.getByRole("button", { name: "Add domain" }).click();
    await expect(page.getByText("mycompany.com is already one of your email domains.")).toBeVisible();
    await expect(domainInput).toHaveValue("mycompany.com");
    await expect(domainInput).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    // Remove the new domain after confirming.
    await page.getByRole("button", { name: "Remove support.example.net" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove domain" }).click();
    await expect(domains).not.toContainText("support.example.net");
  });
});
