import "server-only";
import { getDb } from "@/db";
import { apiKey, type ApiKeyAccess } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ACCESS_LABEL } from "./schemas";
import { SHOWN_CHARS, generateApiKeySecret, hashApiKeySecret } from "./secret";

/**
 * Creates an API key of the organisation (R40): the secret is returned ONCE, to be shown in the dialog; only its
 * hash and its first characters are stored. The creation is in the history, in the same transaction.
 */
export async function createApiKey(params: {
  orgId: string;
  actorId: string | null;
  name: string;
  access: ApiKeyAccess;
}) {
  const secret = generateApiKeySecret();
  const prefix = secret.slice(0, SHOWN_CHARS);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKey)
      .values({
        orgId: params.orgId,
        name: params.name,
        access: params.access,
        prefix,
        secretHash: hashApiKeySecret(secret),
        createdBy: params.actorId,
      })
      .returning({
        id: apiKey.id,
        name: apiKey.name,
        access: apiKey.access,
        prefix: apiKey.prefix,
        createdAt: apiKey.createdAt,
      });
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "api_key.created",
      entityType: "api_key",
      entityId: row.id,
      entityLabel: row.name,
      changes: { access: { from: null, to: ACCESS_LABEL[row.access] }, key: { from: null, to: `${prefix}…` } },
    });
    return { ...row, secret };
  });
}
