// `npm run bench`: performance figures of the module, measured in one run on this machine.
// Absolute times on shared machines are noisy: read the ratios (same run) and the query counts.
import { startBench, type BenchContext } from "./harness";

type Section = { name: string; run: (ctx: BenchContext) => Promise<void> };
const sections: Section[] = [
  { name: "mailboxes", run: (ctx) => import("./mailboxes").then((m) => m.default(ctx)) },
  { name: "queues", run: (ctx) => import("./queues").then((m) => m.default(ctx)) },
  { name: "inbound", run: (ctx) => import("./inbound").then((m) => m.default(ctx)) },
  { name: "scheduler", run: (ctx) => import("./scheduler").then((m) => m.default(ctx)) },
  { name: "api", run: (ctx) => import("./api").then((m) => m.default(ctx)) },
  { name: "sending", run: (ctx) => import("./sending").then((m) => m.default(ctx)) },
  { name: "webhooks", run: (ctx) => import("./webhooks").then((m) => m.default(ctx)) },
];
// The measured server runs no job queue of its own: the scheduler section drives ticks itself, with its own clock.
process.env.JOBS_DISABLED = "1";

const only = process.argv.slice(2);
const ctx = await startBench({ app: only.length === 0 || only.some((s) => s !== "inbound" && s !== "sending") });
try {
  console.log(`# npm run bench — ${new Date().toISOString()}, Node ${process.version}, PostgreSQL`);
  for (const s of sections) if (only.length === 0 || only.includes(s.name)) await s.run(ctx);
} finally {
  await ctx.stop();
}
process.exit(0);
