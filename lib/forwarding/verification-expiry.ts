import { sql, type SQL } from "drizzle-orm";

// "Expired" in ONE place: a verification is expired when it neither succeeded nor failed and its timeout has passed
// (R22); pending when it neither succeeded nor failed and its timeout has not. `v` is the query's alias of
// forwarding_verification; `at` the moment of the read (a raw parameter: postgres-js takes no Date there).
const col = (v: string, c: string) => sql.raw(`${v}.${c}`);
const open = (v: string) => sql`(${col(v, "verified_at")} is null and ${col(v, "failed_at")} is null)`;

export function verificationExpired(v: string, at: Date): SQL {
  return sql`(${open(v)} and ${col(v, "expires_at")} <= ${at.toISOString()}::timestamptz)`;
}

export function verificationPending(v: string, at: Date): SQL {
  return sql`(${open(v)} and ${col(v, "expires_at")} > ${at.toISOString()}::timestamptz)`;
}
