// `npm test`: type check, lint, unit and integration tests (vitest), end-to-end tests (Playwright, Chromium).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

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

// Both runners also write a JSON report, so that the run ends with one plain "N passed, N failed" line.
mkdirSync("test-reports", { recursive: true });
const VITEST_JSON = "test-reports/vitest.json";
const PLAYWRIGHT_JSON = "test-reports/playwright.json";
process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = PLAYWRIGHT_JSON;
const steps = [
  ["Type check", "npx", ["tsc", "--noEmit"]],
  ["Lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["Unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]],
  ["End-to-end tests", "npx", ["playwright", "test", "--reporter=list,json"]],
];

function summary() {
  let passed = 0, failed = 0, skipped = 0;
  try {
    const v = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + v.numTodoTests;
  } catch {}
  try {
    const p = JSON.parse(readFileSync(PLAYWRIGHT_JSON, "utf8")).stats;
    passed += p.expected + p.flaky;
    failed += p.unexpected;
    skipped += p.skipped;
  } catch {}
  return `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\n${name} failed.`);
    console.log(summary());
    process.exit(r.status ?? 1);
  }
}
console.log("\nAll checks passed.");
console.log(summary());
