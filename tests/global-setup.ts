import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { assertLocalDatabase, withDatabase } from "./test-database";
import { parseConfig } from "../lib/config";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

/**
 * With TEST_DATABASE_URL: one fresh PostgreSQL database for this run, migrated once, dropped at the end.
 * Without: each test file migrates its own in-memory PGlite (tests/setup-db.ts).
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log("[tests] Integration tests run on embedded PGlite (in memory). Set TEST_DATABASE_URL for PostgreSQL.");
    project.provide("databaseUrl", null);
    return;
  }
  assertLocalDatabase(adminUrl);
  const name = `ino_test_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = withDatabase(adminUrl, name);
  const handle = openDatabase(parseConfig({ DATABASE_URL: url }));
  await migrateDatabase(handle);
  await handle.close();
  console.log(`[tests] Integration tests run on PostgreSQL, database ${name} (dropped afterwards).`);
  project.provide("databaseUrl", url);
  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}
