import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEmbeddedDriver, openDatabase } from "./client";
import { ensurePrivateFolder } from "./private-folder";
import { parseConfig } from "@/lib/config";

const mode = (p: string) => statSync(p).mode & 0o777;

describe("the data folder is readable by its owner only", () => {
  it("fixes a folder an older version left world-readable and writable (0755 folders, 0666 files)", () => {
    const root = mkdtempSync(path.join(tmpdir(), "ino-data-"));
    const data = path.join(root, ".data");
    mkdirSync(path.join(data, "pglite", "base"), { recursive: true });
    writeFileSync(path.join(data, "auth-secret"), "s");
    writeFileSync(path.join(data, "pglite", "base", "1234"), "x");
    for (const d of [data, path.join(data, "pglite"), path.join(data, "pglite", "base")]) chmodSync(d, 0o755);
    for (const f of [path.join(data, "auth-secret"), path.join(data, "pglite", "base", "1234")]) chmodSync(f, 0o666);

    ensurePrivateFolder(data);

    expect(mode(data)).toBe(0o700);
    expect(mode(path.join(data, "pglite"))).toBe(0o700);
    expect(mode(path.join(data, "pglite", "base"))).toBe(0o700);
    expect(mode(path.join(data, "auth-secret"))).toBe(0o600);
    expect(mode(path.join(data, "pglite", "base", "1234"))).toBe(0o600);
  });

  it("opens the embedded database in a new folder that only its owner can read", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "ino-pglite-"));
    const dir = path.join(root, "db");
    await loadEmbeddedDriver();
    const handle = openDatabase(parseConfig({ PGLITE_DIR: dir }));
    await handle.db.execute("select 1" as never);
    await handle.close();
    expect(mode(dir)).toBe(0o700);
  });
});
