// A server for the inbound bench, in a process of its own so that its resident memory is its own and the
// senders (in the bench process) do not share its event loop: `receiver` (the platform's receiver on the
// bench database) or `bare` (smtp-server discarding every message: the floor).
// Talks to its parent over IPC: sends { port } once listening; answers "rss" with { rssPeak, rss } (the peak
// of resident memory sampled every 10 ms since the previous "rss") and exits on "stop".
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

const mode = process.argv[2];
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
setInterval(sample, 10).unref();

let stop: () => Promise<void>;
let queries = () => 0;
let port: number;
if (mode === "bare") {
  const bare = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on("end", () => callback());
      stream.resume();
    },
  });
  port = await new Promise<number>((resolve) => {
    const net = (bare as unknown as { server: import("node:net").Server }).server;
    bare.listen(0, "127.0.0.1", () => resolve((net.address() as AddressInfo).port));
  });
  stop = () => new Promise((r) => bare.close(() => r()));
} else {
  const { createSmtpReceiver } = await import("../lib/inbound/create-smtp-receiver");
  const { closeDb, getDbHandle } = await import("../db");
  queries = () => getDbHandle().queryCount();
  const receiver = createSmtpReceiver({
    port: 0,
    host: "127.0.0.1",
    maxConnections: 100,
    // Every throughput sender connects from 127.0.0.1; the "fair" receiver keeps the production default (10).
    maxConnectionsPerClient: mode === "fair" ? undefined : 100,
    log: { info: () => {}, error: (l) => console.error(l) },
  });
  port = (await receiver.start()).port;
  stop = async () => {
    await receiver.stop();
    await closeDb();
  };
}
sample();
process.on("message", async (m) => {
  if (m === "rss") {
    sample();
    const cpu = process.cpuUsage();
    process.send?.({
      rssPeak: peak,
      rss: process.memoryUsage().rss,
      queries: queries(),
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
    peak = process.memoryUsage().rss;
  } else if (m === "stop") {
    await stop();
    process.exit(0);
  }
});
process.send?.({ port });
