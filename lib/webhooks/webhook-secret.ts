import "server-only";
import { randomBytes } from "node:crypto";
import { openPrivateKey, sealPrivateKey } from "@/lib/sending/dkim-secret";

// H3: a signing secret is `whsec_` and 32 random bytes in base64 (the Standard Webhooks form), shown once and stored
// sealed with the DKIM keys' AES-256-GCM key (R34, lib/sending/dkim-secret.ts): one key to keep, one to rotate.

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function sealWebhookSecret(secret: string): { enc: string; keyCheck: string } {
  const s = sealPrivateKey(secret);
  return { enc: s.privateKeyEnc, keyCheck: s.keyCheck };
}

export function openWebhookSecret(enc: string, keyCheck: string): string {
  return openPrivateKey({ privateKeyEnc: enc, keyCheck });
}
