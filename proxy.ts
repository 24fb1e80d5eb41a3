import { NextResponse, type NextRequest } from "next/server";
import { isHttpsRequest } from "@/lib/http/request-facts";
import { HSTS, STATIC_SECURITY_HEADERS, contentSecurityPolicy, newNonce } from "@/lib/server/security-headers";

/**
 * Runs before every page, action and route (Next 16's `proxy`, formerly middleware): a fresh CSP nonce per
 * request (Next.js reads it from the request's CSP header and puts it on its scripts), the security headers
 * on the response, HSTS over HTTPS, and a branded 400 for a path whose percent-encoding is malformed (which
 * Next.js would otherwise answer with a bare 500). Authorisation is NOT decided here: pages and actions check
 * the session themselves (R18).
 */
export function proxy(request: NextRequest) {
  const https = isHttpsRequest(request.headers);
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });

  let response: NextResponse;
  if (!isWellEncoded(request.nextUrl.pathname)) {
    response = new NextResponse(BAD_REQUEST_PAGE, {
      status: 400,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const BAD_REQUEST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad address · Maker</title>
<style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;color:#0f172a;font:16px/1.5 system-ui,sans-serif;padding:16px}main{max-width:28rem;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 2px rgba(0,0,0,.06);outline:1px solid #e2e8f0}h1{font-size:1.25rem;margin:0 0 8px}a{color:#4338ca}</style></head>
<body><main><h1>This address is not valid</h1><p>The link you followed is damaged (it contains a malformed character code).</p><p><a href="/maker/mailboxes">Go to Mailboxes</a></p></main></body></html>`;

export const config = {
  // Every request but Next.js's own static files (which get the static headers from next.config.ts).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
