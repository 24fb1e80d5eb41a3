import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { test as base } from "@playwright/test";
import postgres from "postgres";
import { expect, expectAccessible } from "../fixtures/auth";

// The app on PostgreSQL through a TCP proxy that this test "unplugs": open connections are cut and new ones
// are accepted but never answered, the way a database host that hangs behaves.
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const port = Number(process.env.E2E_PORT ?? 3210) + 5;
const password = "db-down-password-1";

function tcpProxy(target: { host: string; port: number }) {
  let answering = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (!answering) return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () =>
      new Promise<number>((r) => server.listen(0, "127.0.0.1", () => r((server.address() as net.AddressInfo).port))),
    stopAnswering: () => {
      answering = false;
      for (const s of sockets) s.destroy();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

base.describe("a database that stops answering (issue 11)", () => {
  let app: ChildProcess | undefined;
  let proxy: ReturnType<typeof tcpProxy>;
  let admin: postgres.Sql;
  const dbName = `ino_e2e_down_${Date.now()}`;
  const directUrl = () => {
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  const signInThere = async (page: import("@playwright/test").Page) => {
    await page.goto(`http://localhost:${port}/sign-in`);
    await page.getByLabel("Email").fill("admin@mycompany.com");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/maker\/mailboxes$/);
  };

  base.beforeAll(async () => {
    admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${dbName}"`);
    const u = new URL(adminUrl);
    proxy = tcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    const proxyPort = await proxy.listen();
    u.pathname = `/${dbName}`;
    u.host = `127.0.0.1:${proxyPort}`;
    const root = path.resolve(import.meta.dirname, "../..");
    app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: u.toString(),
        DATABASE_CONNECT_TIMEOUT_S: "2",
        READINESS_TIMEOUT_MS: "2000",
        SMTP_DISABLED: "1",
        SEED_ADMIN_PASSWORD: password,
        BETTER_AUTH_SECRET: "database-down-test-secret-0123456789",
        ...(process.env.E2E_NAME ? { NEXT_DIST_DIR: `.next-${process.env.E2E_NAME}` } : {}),
      },
      stdio: "ignore",
    });
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`http://localhost:${port}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("the second app did not come up");
  });

  base.afterAll(async () => {
    app?.kill("SIGTERM");
    proxy?.close();
    await admin?.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin?.end();
  });

  base("R33 Settings' history pages with Show older, in a stable order, to its end", async ({ page }) => {
    base.setTimeout(120_000);
    const direct = postgres(directUrl(), { max: 1, onnotice: () => {} });
    const [{ id: orgId }] =
      await direct`select id from organization where slug = 'demo' or name = 'Demo Company' limit 1`;
    for (let i = 0; i < 40; i++) {
      await direct`insert into audit_event (org_id, actor_id, action, entity_type, entity_id, entity_label, created_at)
        values (${orgId}, null, 'smart_routing.updated', 'smart_routing', ${`r${i}`}, ${`Routing ${String(i).padStart(2, "0")}`}, now() - make_interval(days => 1, mins => ${i}))`;
    }
    await direct.end();
    await signInThere(page);
    await page.goto(`http://localhost:${port}/maker/settings`);
    const history = page.getByRole("list", { name: "History" });
    await expect(history.getByRole("listitem")).toHaveCount(15);
    await page.getByRole("button", { name: "Show older" }).click();
    const older = page.getByRole("list", { name: "Older history" });
    await expect(older.getByRole("listitem")).toHaveCount(15);
    for (let i = 0; i < 5 && !(await page.getByText("That is the whole history.").isVisible()); i++) {
      await page.getByRole("button", { name: "Show older" }).click();
      await expect(
        page.getByRole("button", { name: "Show older" }).or(page.getByText("That is the whole history.")),
      ).toBeEnabled();
    }
    await expect(page.getByText("That is the whole history.")).toBeVisible();
    const labels = await page.locator("ol li").allInnerTexts();
    expect(new Set(labels.map((l) => l.match(/Routing \d\d/)?.[0]).filter(Boolean)).size).toBe(40);
    await expectAccessible(page);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByText("That is the whole history.").scrollIntoViewIfNeeded();
      await page.screenshot({ path: base.info().outputPath(`show-older-${width}.png`) });
    }
  });

  base("R33 S4's inbound messages page with Show older", async ({ page }) => {
    base.setTimeout(120_000);
    const direct = postgres(directUrl(), { max: 1, onnotice: () => {} });
    const [m] =
      await direct`select m.id, m.org_id from mailbox m join organization o on o.id = m.org_id where o.slug = 'demo' and m.active order by m.created_at limit 1`;
    for (let i = 0; i < 26; i++) {
      await direct`insert into inbound_message (org_id, mailbox_id, received_at, header_from, subject, message_id, size_bytes)
        values (${m.org_id}, ${m.id}, now() - make_interval(hours => ${i}), ${`customer${i}@example.com`}, ${`Question ${String(i).padStart(2, "0")}`}, ${`<q${i}@example.com>`}, 1200)`;
    }
    await direct.end();
    await signInThere(page);
    await page.goto(`http://localhost:${port}/maker/mailboxes/${m.id}`);
    const table = page.getByRole("table", { name: "Latest inbound messages" });
    await expect(table.locator("tbody tr")).toHaveCount(20);
    await table.getByRole("button", { name: "Show older" }).click();
    await expect(table.getByText("No older messages.")).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(26);
    const subjects = await table.locator("tbody tr").allInnerTexts();
    expect(new Set(subjects.map((r) => r.match(/Question \d\d/)?.[0])).size).toBe(26);
    await expectAccessible(page);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await table.getByText("No older messages.").scrollIntoViewIfNeeded();
      await page.screenshot({ path: base.info().outputPath(`inbound-older-${width}.png`) });
    }
  });

  base(
    "pages show a branded error with a retry within seconds, an action its generic message, readiness says unavailable",
    async ({ page }) => {
      base.setTimeout(120_000);
      const base_ = `http://localhost:${port}`;
      await signInThere(page);
      await page.goto(`${base_}/maker/queues`);
      await page.getByRole("button", { name: "Create queue" }).first().click();
      await page.getByRole("dialog").getByLabel("Name").fill("While the database is away");

      proxy.stopAnswering();

      await page.getByRole("dialog").getByRole("button", { name: "Create queue" }).click();
      await expect(
        page.getByRole("dialog").getByText("Something went wrong on our side. Nothing was saved; please try again."),
      ).toBeVisible({ timeout: 15_000 });

      const started = Date.now();
      const res = await page.goto(`${base_}/maker/mailboxes`);
      await expect(page.getByRole("heading", { name: "This page could not be loaded" })).toBeVisible({
        timeout: 15_000,
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
      await expectAccessible(page);
      for (const width of [390, 1440]) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: base.info().outputPath(`database-down-${width}.png`) });
      }
      const html = await res!.text();
      expect(html).not.toMatch(/ECONNREFUSED|CONNECT_TIMEOUT|select |postgres|    at /i);

      const ready = await fetch(`${base_}/api/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ok: false, database: "unavailable" });
      expect((await fetch(`${base_}/api/health`)).status).toBe(200);
    },
  );
});
