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
import { config } from "@/lib/config";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/request-facts";

/**
 * The session-signing secret: BETTER_AUTH_SECRET when set (required when several instances share a
 * database), otherwise one generated on first start and kept in .data/ beside the embedded database.
 */
function authSecret(): string {
  const configured = config().BETTER_AUTH_SECRET;
  if (configured) return configured;
  const file = path.resolve(/*turbopackIgnore: true*/ ".data", "auth-secret");
  ensurePrivateFolder(path.dirname(file)); // 0700, and 0600 for a secret an older version wrote
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

function createAuth() {
  return betterAuth({
    appName: config().PLATFORM_NAME,
    baseURL: config().BETTER_AUTH_URL ?? `http://localhost:${config().PORT}`,
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
