// Runs once when a Next.js server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/server/boot");
  await bootServer();
}
