// `npm test`: type check, format (Prettier), lint (line length included), unit and integration tests (vitest), end-to-
// end tests (Playwright, Chromium).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `End-to-end tests need Debian's Chromium at ${chromium}.\nInstall it with:  sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium binary).`,
  );
  process.exit(1);
}
console.log(
  process.env.TEST_DATABASE_URL
    ? "[test] Integration tests: PostgreSQL at TEST_DATABASE_URL (a fresh database per run)."
    : "[test] Integration tests: embedded PGlite. Set TEST_DATABASE_URL=postgres://… to run them on PostgreSQL.",
);

// Both runners also write a JSON report, so that the run ends with one plain "N passed, N failed" line.
mkdirSync("test-reports", { recursive: true });
// Reports of an earlier run must not be counted as this run's.
rmSync("test-reports/vitest.json", { force: true });
rmSync("test-reports/playwright.json", { force: true });
const VITEST_JSON = "test-reports/vitest.json";
const PLAYWRIGHT_JSON = "test-reports/playwright.json";
process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = PLAYWRIGHT_JSON;
const steps = [
  ["Type check", "npx", ["tsc", "--noEmit"]],
  ["Format", "npx", ["prettier", "--check", "--log-level=warn", "."]],
  ["Lint", "npx", ["eslint", "--max-warnings=0", "."]],
  [
    "Unit and integration tests",
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
  ],
  ["End-to-end tests", "npx", ["playwright", "test", "--reporter=list,json"]],
];

/** True when nothing listens on 127.0.0.1:port (and it may be bound). */
function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
/** A base port whose offsets are all free: the e2e apps, receivers, fake provider and DNS server derive from it. */
async function freeBlock(offsets, from, to) {
  for (let tries = 0; tries < 200; tries++) {
    const base = from + Math.floor(Math.random() * (to - from));
    const all = await Promise.all(offsets.map((o) => portFree(base + o)));
    if (all.every(Boolean)) return base;
  }
  throw new Error("No free ports for the end-to-end servers.");
}
// Playwright's servers take free ports unless told which (E2E_PORT…): `npm test` must not fail because something
// else listens on a fixed port.
process.env.E2E_PORT ??= String(await freeBlock([0, 3, 5], 20000, 29000));
process.env.E2E_SMTP_PORT ??= String(await freeBlock([0, 3], 29000, 31000));
process.env.E2E_PROVIDER_PORT ??= String(await freeBlock([0], 31000, 32000));

// A stage that failed before its tests ran (type check, lint, a runner that crashed) counts as one failure, so
// that the closing line never reads "0 failed" for a run that failed.
let stagesFailed = 0;
function summary() {
  let passed = 0,
    failed = stagesFailed,
    skipped = 0;
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
/** The failed tests by name, so that the last lines of a failed run (all a CI summary may show) say which. */
function failures() {
  const names = [];
  try {
    for (const file of JSON.parse(readFileSync(VITEST_JSON, "utf8")).testResults ?? [])
      for (const t of file.assertionResults ?? [])
        if (t.status === "failed")
          names.push(
            `vitest: ${file.name.replace(process.cwd() + "/", "")} > ${t.fullName}\n    ${String(
              t.failureMessages?.[0] ?? "",
            )
              .split("\n")[0]
              .slice(0, 300)}`,
          );
  } catch {}
  try {
    const walk = (suite, path) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          if (t.status === "unexpected") {
            const err = t.results?.at(-1)?.error?.message ?? "";
            names.push(
              `playwright: ${spec.file} > ${[...path, spec.title].join(" > ")}\n    ${err.split("\n")[0].slice(0, 300)}`,
            );
          }
      for (const s of suite.suites ?? []) walk(s, [...path, s.title]);
    };
    for (const s of JSON.parse(readFileSync(PLAYWRIGHT_JSON, "utf8")).suites ?? []) walk(s, []);
  } catch {}
  return names.length ? `\nFailed:\n${names.map((n) => `  - ${n}`).join("\n")}` : "";
}
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\n${name} failed.`);
    const report = name.startsWith("Unit") ? VITEST_JSON : name.startsWith("End") ? PLAYWRIGHT_JSON : null;
    const counted =
      report && existsSync(report) && /"(numFailedTests|unexpected)":\s*[1-9]/.test(readFileSync(report, "utf8"));
    if (!counted) stagesFailed += 1;
    console.log(failures());
    console.log(summary());
    process.exit(r.status ?? 1);
  }
}
console.log("\nAll checks passed.");
console.log(summary());
