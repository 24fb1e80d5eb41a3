import http from "node:http";
import type { TLSSocket } from "node:tls";
import { SOCKET_ADDRESS_HEADER, SOCKET_PROTO_HEADER, isHttpsRequest } from "@/lib/http/request-facts";

const g = globalThis as unknown as { __inoSocketFacts?: boolean };

/**
 * Next.js gives routes and actions no access to the socket, and keeps a client's own X-Forwarded-For. So
 * the server stamps every request, before Next.js sees it, with the socket's address and protocol (any
 * value a client sent under those names is replaced), and marks its cookies `Secure` whenever the browser
 * came over HTTPS, directly or through a proxy declared in TRUST_PROXY (Better Auth only does so when its
 * own URL is https). Runs once per process, from instrumentation.ts.
 */
export function installSocketFacts(): void {
  if (g.__inoSocketFacts) return;
  g.__inoSocketFacts = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      stamp(req);
      if (isHttpsRequest({ get: (n) => headerOf(req, n) })) secureCookies(res);
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}

function headerOf(req: http.IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : (v ?? null);
}

function stamp(req: http.IncomingMessage): void {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
  req.headers[SOCKET_PROTO_HEADER] = (req.socket as TLSSocket | undefined)?.encrypted ? "https" : "http";
}

function withSecure(cookie: string): string {
  return /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`;
}

function secureCookies(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function patchedWriteHead(this: http.ServerResponse, ...args: unknown[]) {
    const current = this.getHeader("set-cookie");
    if (current !== undefined)
      this.setHeader("set-cookie", (Array.isArray(current) ? current : [String(current)]).map(withSecure));
    for (const a of args) {
      if (a && typeof a === "object" && !Array.isArray(a)) {
        const h = a as Record<string, unknown>;
        for (const k of Object.keys(h)) {
          if (k.toLowerCase() !== "set-cookie") continue;
          const v = h[k];
          h[k] = Array.isArray(v) ? v.map((c) => withSecure(String(c))) : withSecure(String(v));
        }
      }
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}
