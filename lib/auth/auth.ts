import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/db";
import { ensurePrivateFolder } from "@/db/private-folder";
import * as schema from "@/db/schema";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/request-facts";

/**
 * The session-signing secret: BETTER_AUTH_SECRET when set (required when several instances share a
 * database), otherwise one generated on first start and kept in .data/ beside the embedded database.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.resolve(/*turbopackIgnore: true*/ ".data", "auth-secret");
  ensurePrivateFolder(path.dirname(file)); // 0700, and 0600 for a secret an older version wrote
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

function createAuth() {
  return betterAuth({
    appName: process.env.PLATFORM_NAME ?? "INO cx",
    baseURL: process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    secret: authSecret(),
    database: drizzleAdapter(getDb(), { provider: "pg", schema }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    // The session's ipAddress is the address decided by TRUST_PROXY (set by our actions), never X-Forwarded-For.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const g = globalThis as unknown as { __inoAuth?: Auth };

/** The Better Auth instance, created on first use (not at import, so `next build` needs no secret). */
export function getAuth(): Auth {
  g.__inoAuth ??= createAuth();
  return g.__inoAuth;
}
