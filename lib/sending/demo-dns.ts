import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { demoDnsRecord } from "@/db/schema";
import type { TxtLookup } from "./dns-answer";
import type { SendingResolver } from "./sending-resolver";

// The demo organisation's simulated DNS (issue 19 item 9): its domains are not ours to publish in, so their
// records live in demo_dns_record, read for the demo organisation ONLY (every query is scoped by its id).

const MAX_CNAME_HOPS = 8;

/** A resolver over the organisation's simulated records (TXT, and CNAME chains up to 8 hops; a loop is an error). */
export function createDemoResolver(db: DbOrTx, orgId: string): SendingResolver {
  return {
    async lookupTxt(name: string): Promise<TxtLookup> {
      let current = name.toLowerCase().replace(/\.$/, "");
      let cname: string | null = null;
      for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
        const rows = await db
          .select({ type: demoDnsRecord.type, value: demoDnsRecord.value })
          .from(demoDnsRecord)
          .where(
            and(
              eq(demoDnsRecord.orgId, orgId),
              eq(demoDnsRecord.name, current),
              inArray(demoDnsRecord.type, ["TXT", "CNAME"]),
            ),
          );
        const alias = rows.find((r) => r.type === "CNAME");
        if (alias) {
          cname ??= alias.value;
          current = alias.value.toLowerCase().replace(/\.$/, "");
          continue;
        }
        const txt = rows
          .filter((r) => r.type === "TXT")
          .map((r) => (r.value.match(/[\s\S]{1,255}/g) ?? [""]) as string[]);
        return txt.length ? { kind: "answer", records: txt, cname } : { kind: "none", cname };
      }
      return { kind: "error", code: "other" }; // a CNAME loop
    },
  };
}
