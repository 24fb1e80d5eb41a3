// Liveness probe, and the benchmark's trivial route (no database, no session).
export function GET() {
  return Response.json({ ok: true });
}
