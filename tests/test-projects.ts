import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Issue 18 item 6: tests that never reach the database run without one (no migration, no per-file PGlite), in
// their own vitest project. A test file reaches the database when it imports, directly or through the modules it
// imports (type-only imports aside), db/index.ts, or when it asks for the run's database (inject("databaseUrl")).

const ROOT = path.resolve(import.meta.dirname, "..");
const DATABASE = path.join(ROOT, "db", "index.ts");
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function resolve(spec: string, from: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    base.replace(/\.js$/, ".ts"),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

const reaches = new Map<string, boolean>();
function reachesDatabase(file: string, visiting = new Set<string>()): boolean {
  if (file === DATABASE) return true;
  const known = reaches.get(file);
  if (known !== undefined) return known;
  if (visiting.has(file)) return false;
  visiting.add(file);
  const source = readFileSync(file, "utf8");
  let found = false;
  for (const m of source.matchAll(IMPORT)) {
    const target = resolve(m[1] ?? m[2], file);
    if (target && reachesDatabase(target, visiting)) {
      found = true;
      break;
    }
  }
  visiting.delete(file);
  reaches.set(file, found);
  return found;
}

function testFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory())
      return ["node_modules", "e2e", ".next", ".data", ".git", "test-reports"].includes(e.name) ||
        e.name.startsWith(".next") ||
        e.name.startsWith("test-results")
        ? []
        : testFiles(path.join(dir, e.name));
    return e.name.endsWith(".test.ts") ? [path.join(dir, e.name)] : [];
  });
}

/** The test files that run without a database, relative to the repository (vitest's include globs). */
export function databaseFreeTests(): string[] {
  return testFiles()
    .filter((f) => !/\binject\(\s*["']databaseUrl["']/.test(readFileSync(f, "utf8")) && !reachesDatabase(f))
    .map((f) => path.relative(ROOT, f))
    .sort();
}
