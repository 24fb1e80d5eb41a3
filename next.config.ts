import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/server/security-headers";

const STATIC_FILES_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path: bundling it breaks them (TOOLCHAIN pitfall 3).
  serverExternalPackages: ["@electric-sql/pglite", "smtp-server", "mailparser", "nodemailer"],
  poweredByHeader: false,
  // On every response, static files included; proxy.ts adds the per-request CSP and HSTS.
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
      // Static files skip proxy.ts (no nonce needed): their 404 page still gets a CSP, one without inline scripts.
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: STATIC_FILES_CSP }] },
    ];
  },
  // Separate build folders let several checkouts' servers (e.g. tests beside a running app) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm run bench` builds with BENCH_FLOOR_ROUTE=1: then `page.bench.tsx` files are pages too (its floor page,
  // app/(maker)/maker/bench-floor). A normal build has Next's default extensions and no such route.
  ...(process.env.BENCH_FLOOR_ROUTE === "1" ? { pageExtensions: ["bench.tsx", "tsx", "ts", "jsx", "js"] } : {}),
};

export default nextConfig;
