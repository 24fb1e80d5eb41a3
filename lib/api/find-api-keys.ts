import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { apiKey, user } from "@/db/schema";

export type ApiKeyRow = {
  id: string;
  name: string;
  access: "read" | "write";
  prefix: string;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The organisation's API keys for Settings, newest first, with who created each (one query). */
export async function findApiKeys(orgId: string): Promise<ApiKeyRow[]> {
  return getDb()
    .select({
      id: apiKey.id,
      name: apiKey.name,
      access: apiKey.access,
      prefix: apiKey.prefix,
      createdByName: user.name,
      createdAt: apiKey.createdAt,
      lastUsedAt: apiKey.lastUsedAt,
      revokedAt: apiKey.revokedAt,
    })
    .from(apiKey)
    .leftJoin(user, eq(user.id, apiKey.createdBy))
    .where(eq(apiKey.orgId, orgId))
    .orderBy(desc(apiKey.createdAt), desc(apiKey.id));
}
