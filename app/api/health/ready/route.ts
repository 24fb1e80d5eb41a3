import { checkDatabase } from "@/lib/server/check-database";

// Readiness probe: 200 when the database answers within a few seconds, else 503. Says nothing more than
// "ok" or "unavailable" (no error text, host or SQL).
export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { ok: database === "ok", database },
    { status: database === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
