import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/auth";
import { removeSeeded, seedFullOrganisation } from "../fixtures/seed-mailboxes";

// H6 items 2, 3, 6, 8 and H4 item 7, with 50 realistic mailboxes (long names, long addresses, three queues each):
// S1 legible at 1280, 1440 and 1920 px, compact cards at 390, the create page at 50 of 50, axe with WCAG 2.2.

let seeded: Awaited<ReturnType<typeof seedFullOrganisation>>;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  seeded = await seedFullOrganisation(randomUUID().slice(0, 4));
});
test.afterAll(async () => {
  test.setTimeout(180_000);
  if (seeded) await removeSeeded(seeded);
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${test.info().project.outputDir}/screens/${name}.png` });

/** axe with the WCAG 2.2 rules (2.5.8 target size included): no violation. */
async function expectAccessible22(page: Page) {
  const r = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(
    r.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")})`,
    ),
  ).toEqual([]);
}

/** What a cell cuts: its own text (or its badge's, name's or queues') wider or taller than it shows. */
function clipped(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (e: Element) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().width > 0;
    for (const th of document.querySelectorAll("table.mbx th"))
      if (visible(th) && th.scrollWidth > th.clientWidth + 1) out.push(`header ${th.textContent}`);
    for (const td of document.querySelectorAll<HTMLTableCellElement>("table.mbx tbody td")) {
      if (!visible(td)) continue;
      // addresses (3) and aliases (4) may be shortened with an ellipsis, whole on hover and focus: checked apart
      if (td.cellIndex === 2 || td.cellIndex === 3) continue;
      // "from <address>" under the last mail's time is an address too: cut with an ellipsis, whole as a tooltip
      for (const el of [td, ...td.querySelectorAll<HTMLElement>(":scope > a, :scope > span:not(.fr), .b")]) {
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          out.push(`cell ${td.cellIndex + 1}: ${el.textContent}`);
      }
    }
    return out;
  });
}

for (const width of [1280, 1440, 1920]) {
  test(`S1 at ${width}px: no clipped header, badge or cell, no address broken mid-word, the full width used${width === 1280 ? ", 12 rows at 1280 × 800" : ""}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/maker/mailboxes");
    await expect(page.getByTestId("mailbox-count")).toHaveText("50 of 50 mailboxes");
    if (width === 1440) {
      // Issue 13's budget, measured after every change to S1: 50 realistic mailboxes within 70 kB of HTML.
      const html = await (await page.request.get("/maker/mailboxes")).text();
      console.log(`S1's HTML with 50 realistic mailboxes: ${(Buffer.byteLength(html) / 1024).toFixed(1)} kB`);
      expect.soft(Buffer.byteLength(html)).toBeLessThanOrEqual(70 * 1024);
    }
    expect.soft(await clipped(page)).toEqual([]);
    // addresses on one line, each either whole or cut with an ellipsis (never wrapped mid-word)
    const addresses = await page.locator("table.mbx tbody td:nth-child(3) > span").evaluateAll((els) =>
      els.map((e) => ({
        lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
        ellipsis: getComputedStyle(e).textOverflow,
      })),
    );
    expect.soft(addresses.every((a) => a.lines === 1 && a.ellipsis === "ellipsis")).toBe(true);
    // the table takes the width it is given
    const { table, main } = await page.evaluate(() => ({
      table: document.querySelector("table.mbx")!.getBoundingClientRect().width,
      main: document.querySelector("main")!.getBoundingClientRect().width,
    }));
    expect.soft(table).toBeGreaterThan(main - 100);
    // the whole address on hover
    const first = page.locator("table.mbx tbody tr").first().locator("td:nth-child(3) > span");
    await first.hover();
    expect(await first.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    if (width === 1280) {
      const rows = await page
        .locator("table.mbx tbody tr")
        .evaluateAll((trs) => trs.filter((tr) => tr.getBoundingClientRect().bottom <= window.innerHeight).length);
      expect.soft(rows, "rows fully visible at 1280 × 800").toBeGreaterThanOrEqual(12);
    }
    await page.mouse.move(0, 0);
    await shot(page, `s1-${width}`);
    await expectAccessible22(page);
  });
}

test("S1 at 390px: compact cards of at most 120 px, filters behind one button, no bulk bar and nothing selected", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/maker/mailboxes");
  await expect(page.getByTestId("mailbox-count")).toHaveText("50 of 50 mailboxes");
  const heights = await page
    .locator("table.mbx tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
  expect(heights).toHaveLength(50);
  expect(Math.max(...heights)).toBeLessThanOrEqual(120);
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
  await expect(page.locator("table.mbx input[type=checkbox]:checked")).toHaveCount(0);
  await expect(page.getByLabel("Status", { exact: true })).toBeHidden();
  await shot(page, "s1-390");
  await expectAccessible22(page);
  await page.getByRole("button", { name: "Filters" }).click();
  const sheet = page.getByRole("dialog", { name: "Filter mailboxes" });
  await sheet.getByLabel("Status").selectOption("inactive");
  await expect(page).toHaveURL(/status=inactive/);
  await expectAccessible22(page);
  await shot(page, "s1-390-filters");
  await sheet.getByRole("button", { name: "Show mailboxes" }).click();
  await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
  // selecting one shows the bar, with no queue chosen in advance
  await page.locator("table.mbx tbody input[type=checkbox]").first().check();
  await expect(page.getByTestId("bulk-bar")).toBeVisible();
  await expect(page.getByLabel("Queue to add the selected mailboxes to")).toHaveValue("");
});

test("H6 item 6: the create page at 50 of 50 says so and offers the way out, without the form", async ({ page }) => {
  for (const width of [390, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/maker/mailboxes/new");
    await expect(page.getByRole("status").filter({ hasText: "50 of 50 mailboxes" })).toContainText(
      "50 of 50 mailboxes: the limit of your licence",
    );
    await expect(page.getByLabel("Display name")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Inactive mailboxes" })).toBeVisible();
    await shot(page, `s2-full-${width}`);
    await expectAccessible22(page);
  }
});

test("the queue screens at 390, 1280 and 1920 px: axe with WCAG 2.2 clean", async ({ page }) => {
  for (const width of [390, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of [
      ["s5-queues", "/maker/queues"],
      ["s5-queue", `/maker/queues/${seeded.queueIds[0]}`],
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shot(page, `${name}-${width}`);
      await expectAccessible22(page);
    }
  }
});

test("the column chooser hides a column and remembers it for this admin", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 900 });
  await page.goto("/maker/mailboxes");
  await expect(page.getByRole("columnheader", { name: "Smart routing" })).toBeVisible();
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Smart routing" }).click();
  await expect(page.getByRole("columnheader", { name: "Smart routing" })).toBeHidden();
  await page.keyboard.press("Escape");
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Smart routing" })).toBeHidden();
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Smart routing" }).click();
  await expect(page.getByRole("columnheader", { name: "Smart routing" })).toBeVisible();
});

test("H6 item 5: a progress bar within 100 ms of an in-app navigation, Next's Link and S1's row links included", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const slow = () =>
    page.route("**/maker/**", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
  // measured in the page: from the click to the bar in the DOM
  const watch = () =>
    page.evaluate(() => {
      const w = window as unknown as { t0?: number; t1?: number };
      w.t0 = undefined;
      w.t1 = undefined;
      document.addEventListener("click", () => (w.t0 = performance.now()), { capture: true, once: true });
      new MutationObserver((_, o) => {
        if (document.querySelector("[data-testid=navigation-progress]")) {
          w.t1 = performance.now();
          o.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
  const delay = () =>
    page.evaluate(() => {
      const w = window as unknown as { t0?: number; t1?: number };
      return w.t1! - w.t0!;
    });
  for (const target of [
    () => page.getByRole("complementary").getByRole("link", { name: "Queues" }), // Next's Link in the side navigation
    () => page.locator("table.mbx tbody tr td:nth-child(2) a").first(), // S1's delegated row link
  ]) {
    // The previous round's held request may still be waiting: dropping its route must not fail the test.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.goto("/maker/mailboxes");
    await expect(page.getByTestId("mailbox-count")).toBeVisible();
    await slow();
    await watch();
    await target().click();
    await expect(page.getByTestId("navigation-progress")).toBeAttached();
    expect(await delay()).toBeLessThan(100);
  }
  await page.unrouteAll({ behavior: "ignoreErrors" });
});
