import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Makes a folder readable by its owner only (0700, files 0600), creating it if needed, and tightens
 * everything already inside it: a folder left by an older version (0755/0666) is fixed on the next start.
 * The embedded database and the session secret live here (password hashes, sessions).
 */
export function ensurePrivateFolder(dir: string): void {
  const full = path.resolve(/*turbopackIgnore: true*/ dir);
  mkdirSync(full, { recursive: true, mode: 0o700 }); // TOOLCHAIN pitfall 4
  tighten(full);
}

function tighten(p: string): void {
  const st = lstatSync(p, { throwIfNoEntry: false });
  if (!st || st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    if ((st.mode & 0o777) !== 0o700) chmodSync(p, 0o700);
    for (const entry of readdirSync(p)) tighten(path.join(p, entry));
  } else if (st.isFile() && (st.mode & 0o077) !== 0) {
    chmodSync(p, 0o600);
  }
}

/** `.data/pglite` → `.data` too: the data root of the app, when the folder is inside it. */
export function dataRootOf(dir: string): string | undefined {
  const rel = path.relative(
    path.resolve(/*turbopackIgnore: true*/ ".data"),
    path.resolve(/*turbopackIgnore: true*/ dir),
  );
  return rel.startsWith("..") || path.isAbsolute(rel) ? undefined : ".data";
}
