import { AppError } from "@/lib/errors";
import type { DomainSending } from "./types";

/** The records in BIND format: `<domain>.zone`, FQDN with a trailing dot, TTL 3600, TXT split ≤ 255. Pure. */
export function domainZoneFile(sending: Pick<DomainSending, "domain" | "records">): { fileName: string; text: string } {
  void sending;
  throw new AppError("INVALID", "not ready");
}
