// The app for end-to-end tests: a fresh embedded database, then exactly what `npm start` does.
import { rmSync } from "node:fs";
import path from "node:path";

const dir = process.env.PGLITE_DIR;
if (!dir || !dir.startsWith(".data/e2e")) throw new Error("e2e-server: PGLITE_DIR must be a .data/e2e folder");
rmSync(path.resolve(dir), { recursive: true, force: true });
delete process.env.DATABASE_URL;
await import("./start.mjs");
