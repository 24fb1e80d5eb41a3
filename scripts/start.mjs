// `npm start`: builds when there is no build of the current sources, then serves the app
// (which migrates, seeds the demo and starts the SMTP receiver on first start).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [
  "app",
  "components",
  "lib",
  "db",
  "instrumentation.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "next.config.ts",
  "package.json",
]
  .map((p) => path.join(root, p))
  .filter(existsSync);
const sourceTime = Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs)));
const firstBuild = !existsSync(buildId);
if (firstBuild || statSync(buildId).mtimeMs < sourceTime) {
  console.log(
    firstBuild
      ? "[start] Building the app for the first start: about a minute on a small machine…"
      : "[start] The sources changed since the last build: building the app again (about a minute on a small machine)…",
  );
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  // Next's own lines show its steps; between them, a line every 20 s says that the build is still going.
  const ticker = setInterval(() => console.log(`[start] … still building (${seconds()} s)`), 20_000);
  const status = await new Promise((resolve) => {
    const build = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      stdio: "inherit",
      cwd: root,
    });
    build.on("exit", (code) => resolve(code ?? 1));
  });
  clearInterval(ticker);
  if (status !== 0) {
    console.error(`[start] The build failed after ${seconds()} s (see the lines above).`);
    process.exit(status);
  }
  console.log(`[start] Build done in ${seconds()} s.`);
}

const port = process.env.PORT ?? "3000";
console.log(
  `[start] Starting the server on http://localhost:${port}` +
    (process.env.DATABASE_URL
      ? ""
      : " (embedded database in .data/; the first start applies the migrations and seeds the demo)") +
    "…",
);
const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
  stdio: "inherit",
  cwd: root,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
