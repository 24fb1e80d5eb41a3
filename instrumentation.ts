// Runs once when a Next.js server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: requests carry their socket's address and protocol, and cookies become Secure over HTTPS.
  const { installSocketFacts } = await import("./lib/server/install-socket-facts");
  installSocketFacts();
  const { bootServer } = await import("./lib/server/boot");
  await bootServer();
}
