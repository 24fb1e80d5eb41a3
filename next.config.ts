import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path: bundling it breaks them (TOOLCHAIN pitfall 3).
  serverExternalPackages: ["@electric-sql/pglite", "smtp-server", "mailparser", "nodemailer"],
  poweredByHeader: false,
  // Separate build folders let several checkouts' servers (e.g. tests beside a running app) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
