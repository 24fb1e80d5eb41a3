import { KeyRound, ShieldX } from "lucide-react";
import type { PageAccess } from "@/lib/auth/page-access";
import { config } from "@/lib/config";

/** The page a person sees instead of a Maker screen they may not use (R18). */
export function AccessProblem({ access }: { access: Exclude<PageAccess, { kind: "ok" }> }) {
  const platform = config().PLATFORM_NAME;
  const content =
    access.kind === "no-licence"
      ? {
          Icon: KeyRound,
          title: "Smart licence needed",
          body: `Mailboxes and queues are part of the ${platform} Smart licence, which ${access.member.org.name} does not hold yet. Ask your account manager to upgrade your plan.`,
        }
      : access.kind === "not-admin"
        ? {
            Icon: ShieldX,
            title: "Maker is for administrators",
            body: `You are signed in as an agent of ${access.member.org.name}. Only administrators can manage mailboxes, queues and settings. Ask an administrator if you need a change.`,
          }
        : {
            Icon: ShieldX,
            title: "No organisation",
            body: "Your account is not a member of any organisation. Ask an administrator to invite you.",
          };
  return (
    <div className="mx-auto mt-12 max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <content.Icon className="mx-auto size-10 text-slate-400" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{content.title}</h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">{content.body}</p>
    </div>
  );
}
