import { prepareDatabase } from "./prepare-database";
import { publicUrlProblem } from "./public-url";
import { config } from "@/lib/config";

/**
 * Server start: database ready (migrations, demo) before the first request, then the inbound SMTP receiver
 * (R21) in the same process, unless SMTP_PORT=0 or SMTP_DISABLED=1 (e.g. when receivers run apart:
 * `npm run receiver`). A receiver that cannot listen is reported and the web app serves on.
 */
export async function bootServer(): Promise<void> {
  const urlProblem = publicUrlProblem();
  if (urlProblem) {
    console.error(`[start] ${urlProblem}`);
    process.exit(1);
  }
  try {
    await prepareDatabase();
  } catch (e) {
    // A server whose database could not be prepared would answer every request with an error, for ever:
    // stop instead, with one clear message, and let the operator (or orchestrator) start it again.
    console.error(`[start] The database could not be prepared, so the app stops: ${describeBootError(e)}`);
    process.exit(1);
  }
  await startInboundReceiver();
  await startJobQueue();
}

// Scheduled checks, silence detection and alerts (R29) run on the PostgreSQL-backed job queue, in the app
// process only (docs/decisions/0005-job-queue.md); JOBS_DISABLED=1 keeps an instance out of it.
async function startJobQueue(): Promise<void> {
  if (config().NEXT_PHASE === "phase-production-build" || config().JOBS_DISABLED) return;
  const k = globalThis as unknown as { __inoJobs?: Promise<unknown> };
  if (k.__inoJobs) return; // dev reloads: one queue per process (TOOLCHAIN pitfall 6)
  const { getDbHandle } = await import("@/db");
  const { startJobs } = await import("@/lib/jobs/start-jobs");
  k.__inoJobs = startJobs(getDbHandle()).catch((e: Error) => {
    k.__inoJobs = undefined;
    console.error(`[jobs] The job queue did not start: ${e.message}. Scheduled checks and alerts are paused.`);
  });
  await k.__inoJobs;
}

/** One line saying what failed, without a stack (the cause of a drizzle error is the driver's error). */
export function describeBootError(e: unknown): string {
  const err = e as { message?: string; cause?: { message?: string; code?: string } };
  const cause = err?.cause?.message ? ` (${err.cause.code ? `${err.cause.code}: ` : ""}${err.cause.message})` : "";
  const first = String(err?.message ?? e).split("\n")[0];
  return `${first}${cause}. Check DATABASE_URL (or PGLITE_DIR) and that the database answers.`;
}

const g = globalThis as unknown as { __inoSmtpReceiver?: Promise<unknown> };

async function startInboundReceiver(): Promise<void> {
  if (config().NEXT_PHASE === "phase-production-build") return;
  const { receiverConfigFromEnv } = await import("@/lib/inbound/receiver-config");
  const { createSmtpReceiver } = await import("@/lib/inbound/create-smtp-receiver");
  let receiverConfig;
  try {
    receiverConfig = receiverConfigFromEnv();
  } catch (e) {
    console.error(`[smtp] ${(e as Error).message} The SMTP receiver is not started.`);
    return;
  }
  if (!receiverConfig) {
    console.log("[smtp] SMTP receiver disabled (SMTP_PORT=0 or SMTP_DISABLED=1).");
    return;
  }
  // Dev reloads run this again: one receiver per process (TOOLCHAIN pitfall 6).
  if (g.__inoSmtpReceiver) return;
  const receiver = createSmtpReceiver(receiverConfig);
  g.__inoSmtpReceiver = receiver.start().then(
    ({ port }) => {
      // No signal handler of its own: the process's end closes the listening socket, and Next.js owns shutdown.
      console.log(
        `[smtp] Receiving mail for the aliases on ${receiverConfig.host ?? "*"}:${port} (max ${Math.round((receiverConfig.maxSize ?? 0) / 1024 / 1024)} MB).`,
      );
    },
    (e: Error) => {
      g.__inoSmtpReceiver = undefined;
      console.error(`[smtp] ${e.message}. The web app runs on without receiving mail.`);
    },
  );
  await g.__inoSmtpReceiver;
}
