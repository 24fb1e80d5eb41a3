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
};

export default nextConfig;
