import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { z } from "zod";
import { rows } from "@/db/rows";
import { ensurePrivateFolder } from "@/db/private-folder";
import { config } from "@/lib/config";

// R34: DKIM private keys are sealed with AES-256-GCM under DKIM_ENCRYPTION_KEY (32 bytes, 64 hex characters or
// base64), or, when it is unset, a key generated once into .data/dkim-key (0600 in a 0700 folder, as the session
// secret). Every sealed key stores the check value of the key that sealed it: a changed or missing key is a clear
// error naming the variable, never a silent new key (the published DNS records would stop matching).

export class DkimEncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DkimEncryptionKeyError";
  }
}

/** Reads DKIM_ENCRYPTION_KEY: 32 bytes as hex or base64; anything else is a start-up error naming the variable. */
export function parseDkimEncryptionKey(raw: string): Buffer {
  const v = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) {
    const b = Buffer.from(v.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (b.length === 32) return b;
  }
  throw new DkimEncryptionKeyError(
    "DKIM_ENCRYPTION_KEY must be 32 bytes, written as 64 hexadecimal characters or in base64 " +
      "(for example the output of `openssl rand -hex 32`).",
  );
}

const g = globalThis as unknown as { __inoDkimSecret?: { key: Buffer; source: "env" | "file" } };

/** The file used when DKIM_ENCRYPTION_KEY is unset (tests point DKIM_KEY_FILE elsewhere). */
function keyFile(): string {
  return path.resolve(/*turbopackIgnore: true*/ config().DKIM_KEY_FILE ?? path.join(".data", "dkim-key"));
}

/** The encryption key of this process (cached): DKIM_ENCRYPTION_KEY, or .data/dkim-key created once. */
export function dkimEncryptionKey(): { key: Buffer; source: "env" | "file" } {
  if (g.__inoDkimSecret) return g.__inoDkimSecret;
  const raw = config().DKIM_ENCRYPTION_KEY;
  if (raw) {
    g.__inoDkimSecret = { key: parseDkimEncryptionKey(raw), source: "env" };
  } else {
    const file = keyFile();
    ensurePrivateFolder(path.dirname(file));
    if (!existsSync(file)) {
      // Written whole to a temporary file, then linked in place: a process starting at the same time either wins
      // or reads the winner's complete key, never a half-written file.
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(tmp, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
      try {
        linkSync(tmp, file);
      } catch (e) {
        if ((e as { code?: string }).code !== "EEXIST") throw e; // another process wrote it first: read theirs
      } finally {
        unlinkSync(tmp);
      }
    }
    const text = readFileSync(file, "utf8").trim();
    if (!/^[0-9a-f]{64}$/i.test(text)) {
      throw new DkimEncryptionKeyError(
        `${file} does not hold a DKIM encryption key (64 hexadecimal characters). Restore it, or set DKIM_ENCRYPTION_KEY.`,
      );
    }
    g.__inoDkimSecret = { key: Buffer.from(text, "hex"), source: "file" };
  }
  return g.__inoDkimSecret;
}

/** Tests that change DKIM_ENCRYPTION_KEY call this so that the next use reads it again. */
export function resetDkimEncryptionKeyForTests(): void {
  g.__inoDkimSecret = undefined;
}

/** A short value naming the key (HMAC of a constant): stored with each sealed key; reveals nothing of it. */
export function keyCheckOf(key: Buffer): string {
  return createHmac("sha256", key).update("ino-dkim-key-check-v1").digest("base64url").slice(0, 16);
}

export function sealPrivateKey(pem: string): { privateKeyEnc: string; keyCheck: string } {
  const { key } = dkimEncryptionKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(pem, "utf8"), cipher.final()]);
  return {
    privateKeyEnc: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64"),
    keyCheck: keyCheckOf(key),
  };
}

function mismatch(): DkimEncryptionKeyError {
  const { source } = dkimEncryptionKey();
  return new DkimEncryptionKeyError(
    source === "env"
      ? "DKIM_ENCRYPTION_KEY is not the key the DKIM keys were encrypted with: it has changed since they were made. " +
          "Set DKIM_ENCRYPTION_KEY back to its previous value and restart; nothing was re-generated."
      : "DKIM_ENCRYPTION_KEY is not set, and the key in .data/dkim-key is not the one the DKIM keys were encrypted " +
          "with. Set DKIM_ENCRYPTION_KEY to the key they were made with (or restore .data/dkim-key) and restart; " +
          "nothing was re-generated.",
  );
}

/** Throws a clear error naming DKIM_ENCRYPTION_KEY when stored keys were sealed with another key. */
export function assertKeyCheck(keyCheck: string): void {
  if (keyCheck !== keyCheckOf(dkimEncryptionKey().key)) throw mismatch();
}

/** The PEM of a sealed key. The error never contains the key or the ciphertext. */
export function openPrivateKey(sealed: { privateKeyEnc: string; keyCheck: string }): string {
  assertKeyCheck(sealed.keyCheck);
  const { key } = dkimEncryptionKey();
  try {
    const buf = Buffer.from(sealed.privateKeyEnc, "base64");
    const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(0, 12));
    decipher.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw mismatch();
  }
}

/**
 * Start-up / first-use check (R34): the keys already stored were sealed with this process's encryption key. Throws
 * the error naming DKIM_ENCRYPTION_KEY otherwise, before anything new is sealed with a different key.
 */
export async function assertDkimKeysReadable(db: DbOrTx): Promise<void> {
  const keys = await rows(
    db,
    sql`select distinct key_check as "keyCheck" from domain_dkim_key limit 5`,
    z.object({ keyCheck: z.string() }),
  );
  for (const r of keys) assertKeyCheck(r.keyCheck);
}
