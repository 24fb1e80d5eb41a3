import { prepareDatabase } from "./prepare-database";

/** Server start: database ready (migrations, demo) before the first request. */
export async function bootServer(): Promise<void> {
  await prepareDatabase();
}
