// Liveness probe, and the benchmark's trivial route (no database, no session): the process answers.
// Readiness (the database answers too) is /api/health/ready.
export function GET() {
  return Response.json({ ok: true });
}
