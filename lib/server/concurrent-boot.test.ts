import { spawn } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { withDatabase } from "@/tests/test-database";

const adminUrl =
  process.env.TEST_DATABASE_URL ??
  (process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, "postgres") : undefined);
const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

type Run = { code: number | null; out: string };
function start(script: string, env: Record<string, string>, readyLine: RegExp): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["--conditions=react-server", script], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", SMTP_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      if (readyLine.test(out)) child.kill("SIGTERM");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe("several instances start at once on one empty PostgreSQL database", () => {
  it.skipIf(!adminUrl)(
    "two app instances and a receiver started together all come up, and the demo is seeded once (PostgreSQL)",
    async () => {
      const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
      const name = `ino_boot_${Date.now()}_${process.pid}`;
      await admin.unsafe(`create database "${name}"`);
      try {
        const env = { DATABASE_URL: withDatabase(adminUrl!, name), SEED_ADMIN_PASSWORD: "boot-test-password" };
        const runs = await Promise.all([
          start("tests/processes/boot-instance.ts", env, /\[instance\] ready/),
          start("tests/processes/boot-instance.ts", env, /\[instance\] ready/),
          start(
            "scripts/smtp-receiver.ts",
            { ...env, SMTP_DISABLED: "", SMTP_PORT: "3336", SMTP_HOST: "127.0.0.1" },
            /\[smtp\] Receiving mail/,
          ),
        ]);
        for (const r of runs) expect(r.out).not.toMatch(/error|could not be prepared/i);
        expect(runs[0].out).toContain("[instance] ready");
        expect(runs[1].out).toContain("[instance] ready");
        expect(runs[2].out).toContain("[smtp] Receiving mail");
        expect(
          runs
            .map((r) => r.out)
            .join("")
            .match(/\[seed\] Demo data created/g),
        ).toHaveLength(1);
        const db = postgres(withDatabase(adminUrl!, name), { max: 1, onnotice: () => {} });
        const [{ n }] = await db`select count(*)::int as n from organization`;
        await db.end();
        expect(n).toBeGreaterThan(0);
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
  );

  it.skipIf(!adminUrl)("a boot whose database does not answer stops the process with one clear message", async () => {
    const r = await start(
      "tests/processes/boot-instance.ts",
      { DATABASE_URL: "postgres://postgres@127.0.0.1:9/ino_nowhere", DATABASE_CONNECT_TIMEOUT_S: "2" },
      /$^/,
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain("[start] The database could not be prepared, so the app stops:");
    expect(r.out).not.toContain("    at ");
    expect(r.out.trim().split("\n")).toHaveLength(1);
  });
});
