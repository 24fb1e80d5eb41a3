// `npm run fuzz`: the hostile-input run over every server action with 10,000 generated inputs per action
// (FUZZ_RUNS to change it). Uses TEST_DATABASE_URL (PostgreSQL) when set, like `npm test`.
import { spawnSync } from "node:child_process";

process.env.FUZZ_RUNS ??= "10000";
console.log(`[fuzz] ${process.env.FUZZ_RUNS} runs per server action.`);
const started = Date.now();
const r = spawnSync("npx", ["vitest", "run", "tests/fuzz", "--testTimeout=0"], { stdio: "inherit" });
console.log(`[fuzz] Finished in ${Math.round((Date.now() - started) / 1000)} s.`);
process.exit(r.status ?? 1);
