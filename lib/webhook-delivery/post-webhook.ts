import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveDeliveryAddress, RefusedAddressError, type HostResolver } from "./ssrf-guard";

// One attempt (R50, R52): POST to the checked address, 10 s for the whole exchange, no redirect followed (a 3xx is a
// failure), and at most 64 kB of the answer read (the rest is discarded with the connection).

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;

export type PostOutcome = { ok: boolean; statusCode: number | null; durationMs: number; error: string | null };
export type PostOptions = { resolve: HostResolver; allowPrivate: boolean; timeoutMs?: number };

export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  o: PostOptions,
): Promise<PostOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const target = new URL(url);
  let pinned: { address: string; family: 4 | 6 };
  try {
    pinned = await resolveDeliveryAddress(target.hostname, o.resolve, o.allowPrivate);
  } catch (e) {
    return {
      ok: false,
      statusCode: null,
      durationMs: took(),
      error: e instanceof RefusedAddressError ? e.code : "dns_failed",
    };
  }
  const client = target.protocol === "https:" ? https : http;
  return new Promise<PostOutcome>((done) => {
    let finished = false;
    const finish = (o: Omit<PostOutcome, "durationMs">) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      req.destroy();
      done({ ...o, durationMs: took() });
    };
    const req = client.request(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "ino-mailboxes-webhooks/1",
        },
        // The connection goes to the address just checked, never to a second lookup's answer (DNS rebinding).
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) =>
          opts?.all
            ? cb(null, [{ address: pinned.address, family: pinned.family }])
            : cb(null, pinned.address, pinned.family)) as unknown as LookupFunction,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read >= MAX_RESPONSE_BYTES) settle();
        });
        const settle = () =>
          finish({
            ok: status >= 200 && status < 300,
            statusCode: status,
            error:
              status >= 200 && status < 300
                ? null
                : status >= 300 && status < 400
                  ? "redirect_not_followed"
                  : "http_status",
          });
        res.on("end", settle);
        res.on("error", settle);
      },
    );
    const timer = setTimeout(
      () => finish({ ok: false, statusCode: null, error: "timeout" }),
      o.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
    );
    req.on("error", () => finish({ ok: false, statusCode: null, error: "connection_failed" }));
    req.end(body);
  });
}
