import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
// A second app for the demo journey, exactly as a fresh `npm start` without OUTBOUND_SMTP_URL: the demo's
// simulated mail provider (docs/decisions/0004-demo-mail-provider.md). Its ports follow the first app's.
export const DEMO_PORT = port + 3;
const demoSmtpPort = Number(process.env.E2E_SMTP_PORT ?? 2626) + 3;
export const E2E_DNS_PORT = port + 5;
// E2E_NAME=x gives a run its own database, build folder, sign-in states and results, so that several
// checkouts' runs (or a run beside a running app) never share state.
const suffix = process.env.E2E_NAME ? `-${process.env.E2E_NAME}` : "";
process.env.E2E_AUTH_DIR = `e2e/.auth${suffix}`;
export const E2E_PASSWORD = "e2e-password-123";

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results${suffix}`,
  fullyParallel: false,
  workers: 1, // one embedded database, 2 cores: run the journeys one after the other
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testIgnore: [/auth\.setup\.ts/, /demo\//], dependencies: ["setup"] },
    { name: "demo", testMatch: /demo\/.*\.spec\.ts/, use: { baseURL: `http://localhost:${DEMO_PORT}` } },
  ],
  webServer: [
    {
      // The real app as `npm start` runs it, on a fresh embedded database of its own.
      command: "node scripts/e2e-server.mjs",
      url: `http://localhost:${port}/sign-in`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(port),
        PGLITE_DIR: `.data/e2e${suffix}`,
        ...(suffix ? { NEXT_DIST_DIR: `.next${suffix}` } : {}),
        SEED_ADMIN_PASSWORD: E2E_PASSWORD,
        SMTP_PORT: process.env.E2E_SMTP_PORT ?? "2626",
        SMTP_HOST: "127.0.0.1",
        // R22's loop: the test message goes to the fake mail provider of e2e/fixtures/fake-provider.ts, which the
        // inbound journey starts on this port, and must come back within a short timeout.
        OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_PROVIDER_PORT ?? "2671"}`,
        VERIFY_TIMEOUT: process.env.E2E_VERIFY_TIMEOUT ?? "15s",
        // R28: DKIM keys are looked up at the test DNS server that e2e/inbound/forwarding.spec.ts starts.
        DNS_SERVERS: `127.0.0.1:${E2E_DNS_PORT}`,
        VERIFY_COOLDOWN: "2s",
        NEXT_TELEMETRY_DISABLED: "1",
        E2E_SEED: "1", // app/api/e2e/mailboxes: the screen tests' 50 realistic mailboxes
      },
    },
    {
      // The demo as a newcomer gets it: no OUTBOUND_SMTP_URL, so the demo's domains go to the simulated provider.
      command: "node scripts/e2e-server.mjs",
      url: `http://localhost:${DEMO_PORT}/sign-in`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(DEMO_PORT),
        PGLITE_DIR: `.data/e2e${suffix}-demo`,
        ...(suffix ? { NEXT_DIST_DIR: `.next${suffix}` } : {}),
        SEED_ADMIN_PASSWORD: E2E_PASSWORD,
        SMTP_PORT: String(demoSmtpPort),
        SMTP_HOST: "127.0.0.1",
        VERIFY_COOLDOWN: "2s",
        OUTBOUND_SMTP_URL: "",
        // e2e/demo/demo-webhooks.spec.ts's receiver listens on http://127.0.0.1 (R49, R52: a private install's flags).
        WEBHOOK_ALLOW_HTTP: "1",
        WEBHOOK_ALLOW_PRIVATE: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
