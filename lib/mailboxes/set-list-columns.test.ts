import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { membership } from "@/db/schema";
import { createTestOrg } from "@/tests/fixtures";
import { findListColumns, setListColumns } from "./set-list-columns";

describe("S1's column chooser, remembered per admin (H6 item 2)", () => {
  it("remembers the columns one admin hid, for that admin in that organisation only", async () => {
    const t = await createTestOrg();
    const other = await createTestOrg();
    await setListColumns({ orgId: t.org.id, userId: t.admin.id, hidden: ["smartRouting", "smartRouting", "queues"] });
    expect(await findListColumns(t.org.id, t.admin.id)).toEqual(["smartRouting", "queues"]);
    expect(await findListColumns(t.org.id, t.agent.id)).toEqual([]);
    // R18: another organisation's membership is not found, and nothing changes
    await expect(setListColumns({ orgId: other.org.id, userId: t.admin.id, hidden: ["queues"] })).rejects.toThrow(
      /not found/,
    );
    expect(await findListColumns(t.org.id, t.admin.id)).toEqual(["smartRouting", "queues"]);
  });

  it("the database refuses a column that is not one of the optional ones", async () => {
    const t = await createTestOrg();
    await expect(
      getDb()
        .update(membership)
        .set({ listHiddenColumns: sql`array['displayName']::text[]` })
        .where(and(eq(membership.orgId, t.org.id), eq(membership.userId, t.admin.id))),
    ).rejects.toThrow();
  });
});
