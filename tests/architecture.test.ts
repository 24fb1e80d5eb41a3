import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 18: no two folders of lib/ import each other, directly or round a longer loop. Each folder is one domain;
// a loop between two means neither can be read, tested or changed alone.

const LIB = path.resolve(import.meta.dirname, "..", "lib");

/** Folder-to-folder imports of lib/ (test files left out), each with one file that makes it. */
export function folderImports(lib = LIB): Map<string, Map<string, string>> {
  const folders = readdirSync(lib).filter((f) => statSync(path.join(lib, f)).isDirectory());
  const graph = new Map(folders.map((f) => [f, new Map<string, string>()]));
  for (const from of folders) {
    for (const file of productFiles(path.join(lib, from))) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)) {
        const spec = m[1];
        const target = spec.startsWith("@/lib/")
          ? path.join(lib, spec.slice("@/lib/".length))
          : spec.startsWith(".")
            ? path.resolve(path.dirname(file), spec)
            : null;
        if (!target) continue;
        const to = path.relative(lib, target).split(path.sep)[0];
        if (to !== from && graph.has(to) && !graph.get(from)!.has(to))
          graph.get(from)!.set(to, path.relative(lib, file));
      }
    }
  }
  return graph;
}

/** Strongly connected components of more than one folder (Tarjan): each is a loop of imports. */
export function importLoops(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!.keys()) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) loops.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return loops;
}

/** Every .ts and .tsx file under `dir`, tests included. */
/** The .ts and .tsx files below `dir`; `productFiles` leaves the tests out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

function productFiles(dir: string): string[] {
  return sourceFiles(dir).filter((f) => !/\.test\.tsx?$/.test(f));
}

describe("the architecture of lib/", () => {
  it("has no loop of imports between its folders", () => {
    const graph = folderImports();
    const loops = importLoops(graph).map((loop) =>
      loop.flatMap((a) =>
        loop.filter((b) => graph.get(a)!.has(b)).map((b) => `${a} -> ${b} (${graph.get(a)!.get(b)})`),
      ),
    );
    expect(loops).toEqual([]);
  });

  it("keeps UI code out of lib/ (the API and the jobs load lib/ without React: a lucide icon there broke `npm run bench`)", () => {
    const offenders = productFiles(LIB).filter((f) =>
      /from\s+["'](lucide-react|@\/components\/)/.test(readFileSync(f, "utf8")),
    );
    expect(offenders.map((f) => path.relative(LIB, f))).toEqual([]);
  });

  it("components get their data from pages: none imports the database or calls a finder (find-…, load-…)", () => {
    const root = path.resolve(LIB, "..", "components");
    const offenders = sourceFiles(root).filter((f) =>
      /^import\s+(?!type\b)[^;]*from\s+["'](@\/db|@\/lib\/[\w/-]*\/(find|load)-[\w-]+)["']/m.test(
        readFileSync(f, "utf8"),
      ),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("keeps test kits in tests/: no module of the product is a test's helper", () => {
    const root = path.resolve(LIB, "..");
    const kits = ["lib", "app", "components", "db"]
      .flatMap((d) => productFiles(path.join(root, d)))
      .filter((f) => /^test-|-(test-kit|test-helpers|fixtures?)$/.test(path.basename(f).replace(/\.tsx?$/, "")));
    expect(kits.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("reads the environment in one place: lib/config.ts (parsed once with zod)", () => {
    const root = path.resolve(LIB, "..");
    const offenders = ["lib", "app", "components", "db"]
      .flatMap((d) => productFiles(path.join(root, d)))
      .filter((f) => /process\.env\b/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(offenders.filter((f) => f !== "lib/config.ts")).toEqual([]);
  });

  it("components never import from a route folder (@/app/): actions live in lib/actions/", () => {
    const root = path.resolve(LIB, "..", "components");
    const offenders = sourceFiles(root).filter((f) =>
      /(?:\bfrom|\bimport)\s*\(?\s*["']@\/app\//.test(readFileSync(f, "utf8")),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('"use server" appears only in lib/actions/, one module per domain', () => {
    const root = path.resolve(LIB, "..");
    const files = ["app", "components", "lib", "db"].flatMap((d) => sourceFiles(path.join(root, d)));
    const offenders = files.filter(
      (f) => /^\s*["']use server["']/m.test(readFileSync(f, "utf8")) && path.dirname(f) !== path.join(LIB, "actions"),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
    const actions = sourceFiles(path.join(LIB, "actions")).filter((f) => !/\.test\.tsx?$/.test(f));
    for (const f of actions)
      expect(readFileSync(f, "utf8").startsWith('"use server";\nimport "server-only";\n'), path.relative(root, f)).toBe(
        true,
      );
  });

  it("finds a loop where there is one", () => {
    const graph = new Map([
      ["a", new Map([["b", "a/x.ts"]])],
      ["b", new Map([["c", "b/y.ts"]])],
      ["c", new Map([["a", "c/z.ts"]])],
      ["d", new Map([["a", "d/w.ts"]])],
    ]);
    expect(importLoops(graph)).toEqual([["a", "b", "c"]]);
  });
});
