import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path: bundling it breaks them (TOOLCHAIN pitfall 3).
  serverExternalPackages: ["@electric-sql/pglite", "smtp-server", "mailparser", "nodemailer"],
  poweredByHeader: false,
};

export default nextConfig;
