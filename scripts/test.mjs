// `npm test`: type check, lint, unit and integration tests (vitest), end-to-end tests (Playwright, Chromium).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`End-to-end tests need Debian's Chromium at ${chromium}.\nInstall it with:  sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium binary).`);
  process.exit(1);
}
console.log(
  process.env.TEST_DATABASE_URL
    ? "[test] Integration tests: PostgreSQL at TEST_DATABASE_URL (a fresh database per run)."
    : "[test] Integration tests: embedded PGlite. Set TEST_DATABASE_URL=postgres://… to run them on PostgreSQL.",
);

const steps = [
  ["Type check", "npx", ["tsc", "--noEmit"]],
  ["Lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["Unit and integration tests", "npx", ["vitest", "run"]],
  ["End-to-end tests", "npx", ["playwright", "test"]],
];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\n${name} failed.`);
    process.exit(r.status ?? 1);
  }
}
console.log("\nAll checks passed.");
