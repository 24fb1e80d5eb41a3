"use client";
import { KeyRound, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { changeMemberRoleAction, clearSignInLimitAction, removeMemberAction } from "@/lib/actions/members";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { isSuccess } from "@/lib/forms/apply-action-result";

type Member = { userId: string; name: string; email: string; role: "admin" | "agent" };

/** R47: who belongs to the organisation, with their role; admins change roles, remove members, clear sign-in limits. */
export function MembersCard({ members, currentUserId }: { members: Member[]; currentUserId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const admins = members.filter((m) => m.role === "admin").length;

  async function changeRole(m: Member, role: "admin" | "agent") {
    setError(null);
    setPending(m.userId);
    const result = await changeMemberRoleAction({ userId: m.userId, role });
    setPending(null);
    if (!isSuccess(result)) return setError(result?.serverError?.message ?? "The role could not be changed.");
    toast.success(`${m.name} is now ${role === "admin" ? "an admin" : "an agent"}.`);
    router.refresh();
  }

  return (
    <Card
      id="members"
      title="Members"
      description="Admins use Maker; agents answer mail in the queues. The organisation always keeps at least one admin."
    >
      {error && (
        <Alert tone="error" className="mb-3">
          {error}
        </Alert>
      )}
      <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="Members">
        {members.map((m) => {
          const lastAdmin = m.role === "admin" && admins <= 1;
          return (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 px-3 py-2.5">
              <span className="min-w-[12rem] flex-1">
                <span className="flex items-center gap-2">
                  <span className="truncate font-medium text-slate-800">{m.name}</span>
                  {m.userId === currentUserId && <Badge>You</Badge>}
                </span>
                <span className="block truncate text-sm text-slate-600">{m.email}</span>
              </span>
              <span className="flex flex-wrap items-center gap-1.5">
                <label className="sr-only" htmlFor={`role-${m.userId}`}>
                  Role of {m.name}
                </label>
                <select
                  id={`role-${m.userId}`}
                  className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 disabled:opacity-60"
                  value={m.role}
                  disabled={pending === m.userId || lastAdmin}
                  title={
                    lastAdmin ? "The last admin cannot become an agent: make another member an admin first." : undefined
                  }
                  onChange={(e) => changeRole(m, e.target.value as Member["role"])}
                >
                  <option value="admin">Admin</option>
                  <option value="agent">Agent</option>
                </select>
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`Clear sign-in limit of ${m.name}`}>
                      <KeyRound className="size-4" aria-hidden />
                      Clear sign-in limit
                    </Button>
                  }
                  title={`Clear the sign-in limit of ${m.name}?`}
                  description={
                    "After too many wrong passwords from one device, sign-in waits there for 15 minutes. Clearing lets " +
                    `${m.email} try again at once from every device. Do it when you know it was them.`
                  }
                  confirmLabel="Clear sign-in limit"
                  tone="primary"
                  onConfirm={async () => {
                    const result = await clearSignInLimitAction({ userId: m.userId });
                    if (!result?.data) return result?.serverError?.message ?? "The sign-in limit could not be cleared.";
                    toast.success(
                      result.data.cleared
                        ? `${m.name} can sign in again now.`
                        : `${m.name} had no sign-in limit to clear.`,
                    );
                    router.refresh();
                    return null;
                  }}
                />
                {!lastAdmin && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Remove ${m.name}`}>
                        <Trash2 className="size-4" aria-hidden />
                        Remove
                      </Button>
                    }
                    title={`Remove ${m.name} from the organisation?`}
                    description={`${m.email} will no longer reach this organisation (their account stays). You can invite them again.`}
                    confirmLabel="Remove member"
                    onConfirm={async () => {
                      const result = await removeMemberAction({ userId: m.userId });
                      if (!isSuccess(result)) return result?.serverError?.message ?? "The member could not be removed.";
                      toast.success(`${m.name} removed.`);
                      router.refresh();
                      return null;
                    }}
                  />
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
