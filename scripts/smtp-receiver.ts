// `npm run receiver`: the inbound SMTP receiver (R21–R24) on its own, apart from the web app, e.g. one or more
// receivers beside the app on one PostgreSQL. Run it with the react-server condition, because the services
// import "server-only":  npx tsx --conditions=react-server scripts/smtp-receiver.ts
//
// It needs DATABASE_URL: the embedded PGlite database in .data/ may be opened by one process only (the app),
// and a second process writing to it would silently corrupt it. Start the app with SMTP_DISABLED=1 (or
// SMTP_PORT=0) so that it does not run a receiver of its own on the same port.
import { closeDb, getDbHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createSmtpReceiver } from "@/lib/inbound/create-smtp-receiver";
import { config as appConfig } from "@/lib/config";
import { receiverOptions } from "@/lib/inbound/receiver-config";

if (!appConfig().DATABASE_URL) {
  console.error(
    "[smtp] DATABASE_URL is not set. The separate receiver needs the app's PostgreSQL database (postgres://…):\n" +
      "       the embedded database in .data/ belongs to the app process alone. With PGlite, let `npm start` run the receiver.",
  );
  process.exit(1);
}

const config = receiverOptions();
if (!config) {
  console.error("[smtp] SMTP_PORT=0 or SMTP_DISABLED=1: nothing to run.");
  process.exit(1);
}
// A receiver may start before (or with) the app on an empty database: it migrates too, under the same lock.
try {
  await migrateDatabase(getDbHandle());
} catch (e) {
  console.error(
    `[smtp] The database could not be prepared, so the receiver stops: ${(e as Error).message.split("\n")[0]}`,
  );
  process.exit(1);
}
const receiver = createSmtpReceiver(config);
try {
  const { host, port } = await receiver.start();
  console.log(
    `[smtp] Receiving mail for the aliases on ${host}:${port} (max ${Math.round((config.maxSize ?? 0) / 1024 / 1024)} MB), database from DATABASE_URL.`,
  );
} catch (e) {
  console.error(`[smtp] ${(e as Error).message}`);
  process.exit(1);
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("[smtp] Stopping: finishing the open sessions…");
    await receiver.stop();
    await closeDb();
    process.exit(0);
  });
}
