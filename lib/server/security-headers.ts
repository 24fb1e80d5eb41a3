// The security headers of every response (issue 11): a per-request nonce CSP from proxy.ts, the rest from
// next.config.ts too, so that static files carry them as well.

/** Headers that do not depend on the request: on every response, static files included. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Nothing here uses these features; the clipboard only for this origin (copy buttons; the browser still asks before a
  // read).
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), " +
    "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=(), clipboard-read=(self), clipboard-write=(self)",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** One year, as HSTS preload lists expect; only sent over HTTPS (a browser ignores it over HTTP anyway). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The Content-Security-Policy of one response. Scripts run only with this request's nonce (Next.js puts it
 * on its own scripts; 'strict-dynamic' lets them load their chunks); no eval outside development (React's
 * dev tools need it there). Styles allow inline attributes and tags: Radix and sonner position elements with
 * inline styles, which a nonce cannot cover (and CSS cannot run code). Nothing may frame the app.
 */
export function contentSecurityPolicy(opts: { nonce: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  if (opts.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
