import { getDb } from "@/db";
import { getMakerAccess } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { getDomainSendingOrThrow } from "@/lib/sending/get-domain-sending-or-throw";
import { domainZoneFile } from "@/lib/sending/zone-file";
import { idSchema } from "@/lib/validation";

/**
 * "Download zone file" (issue 19 item 2): the domain's records in BIND format as `<domain>.zone`, for admins of the
 * organisation (R18, checked here: a route handler is not behind the page's checks). Another organisation's
 * domain, or an unknown id, is 404, as if it did not exist.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await getMakerAccess({ licence: false });
  if (access.kind !== "ok") return new Response("Not allowed.", { status: access.kind === "signed-out" ? 401 : 403 });
  const { id } = await params;
  if (!idSchema.safeParse(id).success) return new Response("Not found.", { status: 404 });
  try {
    const sending = await getDomainSendingOrThrow(getDb(), {
      orgId: access.member.org.id,
      domainId: id,
      now: new Date(),
    });
    const { fileName, text } = domainZoneFile(sending);
    return new Response(text, {
      headers: {
        "content-type": "text/dns; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return new Response("Not found.", { status: 404 });
    throw e;
  }
}
