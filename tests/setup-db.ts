import { afterAll, beforeAll, inject, vi } from "vitest";
import { closeDb, getDbHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { requestHeaders, cookieStore } from "./request-context";

// Server actions read the request through next/headers; tests set it per call (tests/auth-fixtures.ts).
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders(),
  cookies: async () => cookieStore,
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));

const url = inject("databaseUrl");
if (url) {
  process.env.DATABASE_URL = url;
  delete process.env.PGLITE_DIR;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

beforeAll(async () => {
  if (!url) await migrateDatabase(getDbHandle());
});
afterAll(async () => {
  await closeDb();
});
