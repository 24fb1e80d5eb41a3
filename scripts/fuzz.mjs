// `npm run fuzz`: the hostile-input run over every server action (tests/fuzz/*.fuzz.test.ts) with 10,000
// generated inputs per action (FUZZ_RUNS to change it). Uses TEST_DATABASE_URL (PostgreSQL) when set, like
// `npm test`. Its five test files run in parallel workers (FUZZ_WORKERS, default 5); each action's figures are
// written to test-reports/fuzz.jsonl and summed up at the end.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.FUZZ_RUNS ??= "10000";
process.env.FUZZ_REPORT ??= "test-reports/fuzz.jsonl";
const workers = process.env.FUZZ_WORKERS ?? "5";
const reportFile = process.env.FUZZ_REPORT;
mkdirSync(path.dirname(reportFile), { recursive: true });
rmSync(reportFile, { force: true });

const database = process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded PGlite (in memory)";
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const startedAt = new Date();
console.log(`[fuzz] ${process.env.FUZZ_RUNS} inputs per server action, ${workers} workers, on ${database}.`);
console.log(`[fuzz] ${startedAt.toISOString()}, ${machine}, load average ${load()}.`);

const r = spawnSync("npx", ["vitest", "run", "tests/fuzz", "--testTimeout=0", `--maxWorkers=${workers}`], {
  stdio: "inherit",
});
const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);

const lines = existsSync(reportFile)
  ? readFileSync(reportFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
const sum = (key) => lines.reduce((total, l) => total + l[key], 0);
const rates = (key) => lines.map((l) => l[key]).filter((v) => v != null);
const range = (values) => (values.length ? `${Math.min(...values)}–${Math.max(...values)}` : "n/a");
console.log(
  `\n[fuzz] Finished in ${seconds} s (${Math.round(seconds / 60)} min), vitest exit code ${r.status}; load average at the end ${load()}.`,
);
console.log(
  `[fuzz] ${lines.length} actions, ${sum("inputs").toLocaleString("en")} inputs: ${sum("refused").toLocaleString("en")} refused, ` +
    `${sum("accepted").toLocaleString("en")} accepted (${sum("restored").toLocaleString("en")} of them put back to the starting state), ` +
    `0 unexpected server errors and 0 refusals that changed data${r.status === 0 ? "" : " NOT established: the run failed"}.`,
);
console.log(
  `[fuzz] Inputs per second per action, first tenth of each run: ${range(rates("firstTenthPerSecond"))}; last tenth: ${range(rates("lastTenthPerSecond"))}.`,
);
process.exit(r.status ?? 1);
