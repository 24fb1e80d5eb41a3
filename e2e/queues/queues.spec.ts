import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../fixtures/auth";

const SHOTS = process.env.E2E_SCREENSHOTS ?? "test-results-queues-screens";

/** Creates a mailbox through the Mailboxes UI (S2), as an administrator would. */
async function createMailbox(page: Page, displayName: string, localPart: string) {
  await page.goto("/maker/mailboxes/new");
  await page.getByLabel("Display name").fill(displayName);
  await page.getByLabel("Email address (local part)").fill(localPart);
  await page.getByLabel("Email domain").selectOption({ label: "mycompany.com" });
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { name: displayName })).toBeVisible();
}

async function createQueue(page: Page, name: string) {
  await page.goto("/maker/queues");
  await page.getByRole("button", { name: "Create queue" }).first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Create queue" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

async function addMailbox(page: Page, address: string) {
  await page.getByRole("button", { name: "Add mailbox" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Search mailboxes").fill(address);
  await dialog.getByRole("checkbox", { name: new RegExp(address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).check();
  await dialog.getByRole("button", { name: "Add mailbox" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: `Make default: ${address}` })).toBeVisible();
}

test.describe("S5 Queues", () => {
  test("link three mailboxes, the first becomes default, make the second default with its button, removing the default is refused", async ({
    page,
  }) => {
    const tag = randomUUID().slice(0, 6);
    const boxes = [1, 2, 3].map((i) => ({
      name: `Queue desk ${i} ${tag}`,
      local: `qdesk${i}-${tag}`,
      address: `qdesk${i}-${tag}@mycompany.com`,
    }));
    for (const b of boxes) await createMailbox(page, b.name, b.local);

    // S5 list: the demo queues with their count against 20 and their default mailbox.
    await page.goto("/maker/queues");
    const table = page.getByRole("table", { name: "Queues" });
    await expect(table.getByRole("row", { name: /Support/ })).toContainText("support@mycompany.com");
    await expect(table.getByRole("row", { name: /Billing/ })).toContainText("2 of 20");
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/s5-queues-list.png`, fullPage: true });

    const queueName = `Front office ${tag}`;
    await createQueue(page, queueName);
    await expect(page.getByRole("region", { name: "Mailboxes" })).toContainText("0 of 20");
    await expect(page.getByText("No mailbox in this queue yet")).toBeVisible();
    await expectAccessible(page);

    // R17: in a queue without a default, an inactive mailbox is offered but cannot be chosen.
    await page.getByRole("button", { name: "Add mailbox" }).click();
    await expect(page.getByRole("dialog").getByRole("checkbox", { name: /news@example\.org/ })).toBeDisabled();
    await expectAccessible(page);
    await page.keyboard.press("Escape");

    // R16: the first mailbox linked becomes the default.
    await addMailbox(page, boxes[0].address);
    await expect(page.getByRole("button", { name: `Make default: ${boxes[0].address}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await addMailbox(page, boxes[1].address);
    await addMailbox(page, boxes[2].address);
    await expect(page.getByRole("region", { name: "Mailboxes" })).toContainText("3 of 20");
    await expect(page.getByRole("button", { name: `Make default: ${boxes[1].address}` })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expect(page.getByText(`Email from this queue is sent as ${boxes[0].name}`)).toBeVisible();

    // Make the second the default with its button; the first is unset at once.
    await page.getByRole("button", { name: `Make default: ${boxes[1].address}` }).click();
    await expect(page.getByRole("button", { name: `Make default: ${boxes[1].address}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByRole("button", { name: `Make default: ${boxes[0].address}` })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expect(page.getByText(`Email from this queue is sent as ${boxes[1].name}`)).toBeVisible();

    // R16: the default cannot be removed while others remain; the dialog says what to do.
    await page.getByRole("button", { name: `Remove ${boxes[1].address} from ${queueName}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Remove from queue" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      `${boxes[1].address} is the default mailbox of “${queueName}”. Choose another default first, then remove it.`,
    );
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/s5-queue-remove-default-refused.png` });
    await page.keyboard.press("Escape");
    // The dialog is closed and focus is back on the button that opened it (Radix returns it after the close
    // animation: moving focus before that would have it taken back, and Space would open the dialog again).
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: `Remove ${boxes[1].address} from ${queueName}` })).toBeFocused();
    await expect(page.getByRole("button", { name: `Make default: ${boxes[1].address}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    // Keyboard: the third becomes the default with Space on its button, and focus stays on that button.
    await page.getByRole("button", { name: `Make default: ${boxes[2].address}` }).focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: `Make default: ${boxes[2].address}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByRole("button", { name: `Make default: ${boxes[1].address}` })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expect(page.getByRole("button", { name: `Make default: ${boxes[2].address}` })).toBeFocused();

    // A mailbox that is not the default can be removed.
    await page.getByRole("button", { name: `Remove ${boxes[0].address} from ${queueName}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove from queue" }).click();
    await expect(page.getByRole("button", { name: `Make default: ${boxes[0].address}` })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Mailboxes" })).toContainText("2 of 20");

    // R19: the queue's history shows every link, unlink and default change.
    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText(/added \S+@\S+ to this queue/);
    await expect(history).toContainText(/made \S+@\S+ the default sender of this queue/);
    await expect(history).toContainText(/removed \S+@\S+ from this queue/);
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/s5-queue-detail.png`, fullPage: true });

    // The list shows the new queue's count and default.
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Queues" }).click();
    const row = page.getByRole("table", { name: "Queues" }).getByRole("row", { name: new RegExp(queueName) });
    await expect(row).toContainText("2 of 20");
    await expect(row).toContainText(boxes[2].address);
  });

  test("rename with a duplicate refused next to the name, then remove a queue after a confirmation that its mailboxes are unlinked", async ({
    page,
  }) => {
    const tag = randomUUID().slice(0, 6);
    const name = `Returns ${tag}`;
    await createQueue(page, name);
    await addMailbox(page, "billing@mycompany.com");

    await page.getByRole("button", { name: `Rename queue ${name}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Support");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText("A queue named “Support” already exists.")).toBeVisible();
    await expect(dialog.getByLabel("Name")).toHaveValue("Support");
    await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await dialog.getByLabel("Name").fill(`${name} (EU)`);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { name: `${name} (EU)`, level: 1 })).toBeVisible();

    await page.getByRole("button", { name: `Remove queue ${name} (EU)` }).click();
    await expect(page.getByRole("dialog")).toContainText("Its mailbox will be unlinked from it. The mailbox is kept");
    await page.getByRole("dialog").getByRole("button", { name: "Remove queue" }).click();
    await expect(page).toHaveURL(/\/maker\/queues$/);
    await expect(page.getByRole("table", { name: "Queues" })).not.toContainText(name);
    await expect(page.getByRole("table", { name: "Queues" }).getByRole("row", { name: /Billing/ })).toContainText(
      "2 of 20",
    );
  });

  test("an unknown queue id shows “Queue not found”", async ({ page }) => {
    await page.goto("/maker/queues/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Queue not found" })).toBeVisible();
    await page.goto("/maker/queues/not-a-uuid");
    await expect(page.getByRole("heading", { name: "Queue not found" })).toBeVisible();
  });
});

test.describe("R18 Queues access", () => {
  test.describe("as an agent", () => {
    test.use({ role: "agent" });
    test("an agent is told that Maker is for administrators", async ({ page }) => {
      await page.goto("/maker/queues");
      await expect(page.getByRole("heading", { name: "Maker is for administrators" })).toBeVisible();
      await expect(page.getByRole("table", { name: "Queues" })).toHaveCount(0);
    });
  });
  test.describe("without the Smart licence", () => {
    test.use({ role: "starter" });
    test("the module says that the Smart licence is needed", async ({ page }) => {
      await page.goto("/maker/queues");
      await expect(page.getByRole("heading", { name: "Smart licence needed" })).toBeVisible();
      await expectAccessible(page);
    });
  });
});
