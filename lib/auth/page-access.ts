import "server-only";
import { redirect } from "next/navigation";
import { getMakerAccess, type Access } from "./guard";

export type PageAccess = Exclude<Access, { kind: "signed-out" }>;

/**
 * Every Maker page starts here (R18): a signed-out visitor goes to /sign-in and comes back to `path`;
 * anyone else gets their access, which the page renders as a refusal unless it is "ok".
 */
export async function requirePageAccess(path: string, opts: { licence: boolean }): Promise<PageAccess> {
  const access = await getMakerAccess(opts);
  if (access.kind === "signed-out") redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return access;
}
