import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/server/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path: bundling it breaks them (TOOLCHAIN pitfall 3).
  serverExternalPackages: ["@electric-sql/pglite", "smtp-server", "mailparser", "nodemailer"],
  poweredByHeader: false,
  // On every response, static files included; proxy.ts adds the per-request CSP and HSTS.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  // Separate build folders let several checkouts' servers (e.g. tests beside a running app) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm run bench` builds with BENCH_FLOOR_ROUTE=1: then `page.bench.tsx` files are pages too (its floor page,
  // app/(maker)/maker/bench-floor). A normal build has Next's default extensions and no such route.
  ...(process.env.BENCH_FLOOR_ROUTE === "1" ? { pageExtensions: ["bench.tsx", "tsx", "ts", "jsx", "js"] } : {}),
};

export default nextConfig;
