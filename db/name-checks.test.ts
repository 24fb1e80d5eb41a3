import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { queue, smartRouting } from "@/db/schema";
import { pgErrorOf } from "@/lib/errors";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";

const violation = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return pgErrorOf(e)?.constraint;
  }
  return undefined;
};

describe("R1 the database refuses control characters in names too", () => {
  it.each(
    [0x85, 0x9f, 0x2028, 0x2029, 0x07].map((cp) => [
      cp.toString(16).toUpperCase().padStart(4, "0"),
      String.fromCodePoint(cp),
    ]),
  )("refuses U+%s in display, queue and routing names", async (_code, c) => {
    const t = await createTestOrg();
    expect(await violation(insertTestMailbox(t, { localPart: "x", displayName: `Support${c}Team` }))).toBe(
      "mailbox_display_name",
    );
    expect(
      await violation(
        getDb()
          .insert(queue)
          .values({ orgId: t.org.id, name: `Queue${c}` }),
      ),
    ).toBe("queue_name_no_controls");
    expect(
      await violation(
        getDb()
          .insert(smartRouting)
          .values({ orgId: t.org.id, name: `Routing${c}` }),
      ),
    ).toBe("smart_routing_name_no_controls");
  });
});
