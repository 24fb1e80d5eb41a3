import "server-only";
import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db";
import { membership, organization, user } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";

export type Role = "admin" | "agent";
export type Org = typeof organization.$inferSelect;
export type Member = {
  user: { id: string; name: string; email: string };
  org: Org;
  role: Role;
};

/** The signed-in user with their membership and organisation, or null. One lookup per request. */
export const getCurrentMember = cache(async (): Promise<Member | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const [row] = await getDb()
    .select({ org: organization, role: membership.role, user: { id: user.id, name: user.name, email: user.email } })
    .from(membership)
    .innerJoin(organization, eq(organization.id, membership.orgId))
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.userId, session.user.id)))
    .orderBy(membership.createdAt)
    .limit(1);
  return row ?? null;
});

export type Access =
  | { kind: "ok"; member: Member }
  | { kind: "signed-out" }
  | { kind: "no-membership" }
  | { kind: "not-admin"; member: Member }
  | { kind: "no-licence"; member: Member };

/** What the signed-in user may do in Maker (R18): admins only, and the Smart licence for the mailbox module. */
export async function getMakerAccess(opts: { licence: boolean }): Promise<Access> {
  const member = await getCurrentMember();
  if (!member) {
    const auth = await getAuth().api.getSession({ headers: await headers() });
    return auth ? { kind: "no-membership" } : { kind: "signed-out" };
  }
  if (member.role !== "admin") return { kind: "not-admin", member };
  if (opts.licence && !member.org.smartLicence) return { kind: "no-licence", member };
  return { kind: "ok", member };
}

/** For server actions: the admin's context, or a refusal (R18). Never relies on middleware. */
export async function requireMakerAdmin(opts: { licence: boolean }): Promise<Member> {
  const access = await getMakerAccess(opts);
  switch (access.kind) {
    case "ok":
      return access.member;
    case "signed-out":
      throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    case "no-licence":
      throw new AppError("FORBIDDEN", "Smart licence needed: your organisation's plan does not include Mailboxes.");
    default:
      throw new AppError("FORBIDDEN", "Only administrators of this organisation can use Maker.");
  }
}
