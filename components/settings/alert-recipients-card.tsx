"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { setAlertRecipientsAction } from "@/lib/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isSuccess } from "@/lib/forms/apply-action-result";

type Member = { userId: string; name: string; email: string; role: "admin" | "agent"; receivesAlerts: boolean };

/** R47: who receives the alert emails (a mailbox that stops receiving mail, R29; sending-identity DNS alerts). */
export function AlertRecipientsCard({ members, chosen }: { members: Member[]; chosen: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<"all_admins" | "chosen">(chosen ? "chosen" : "all_admins");
  const [picked, setPicked] = useState<Set<string>>(
    new Set(members.filter((m) => m.receivesAlerts).map((m) => m.userId)),
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save() {
    setError(null);
    setPending(true);
    const result = await setAlertRecipientsAction({ mode, userIds: mode === "chosen" ? [...picked] : [] });
    setPending(false);
    if (!isSuccess(result)) return setError(result?.serverError?.message ?? "Alert recipients could not be saved.");
    toast.success("Alert recipients saved.");
    router.refresh();
  }

  return (
    <Card
      id="alert-recipients"
      title="Alert recipients"
      description="Who gets an email when a mailbox stops receiving mail or a sending domain needs attention."
    >
      <fieldset className="min-w-0">
        <legend className="sr-only">Who receives alerts</legend>
        <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
          <input
            type="radio"
            name="alert-mode"
            className="size-4"
            checked={mode === "all_admins"}
            onChange={() => setMode("all_admins")}
          />
          All admins
          <span className="text-slate-500">({members.filter((m) => m.role === "admin").length})</span>
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
          <input
            type="radio"
            name="alert-mode"
            className="size-4"
            checked={mode === "chosen"}
            onChange={() => setMode("chosen")}
          />
          Chosen members
        </label>
      </fieldset>
      {mode === "chosen" && (
        <fieldset className="mt-1 min-w-0 rounded-lg p-2 ring-1 ring-slate-200">
          <legend className="sr-only">Chosen members</legend>
          {members.map((m) => (
            <label key={m.userId} className="flex min-h-11 min-w-0 items-center gap-2 px-1 text-sm text-slate-800">
              <input
                type="checkbox"
                className="size-4"
                checked={picked.has(m.userId)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(m.userId);
                  else next.delete(m.userId);
                  setPicked(next);
                }}
              />
              <span className="min-w-0 truncate">
                {m.name}{" "}
                <span className="text-slate-500">
                  · {m.email} · {m.role === "admin" ? "Admin" : "Agent"}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <Alert tone="error" className="mt-3">
          {error}
        </Alert>
      )}
      <div className="mt-3 flex items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Now:{" "}
          {members
            .filter((m) => m.receivesAlerts)
            .map((m) => m.name)
            .join(", ") || "nobody"}
          .
        </p>
        <Button type="button" variant="secondary" onClick={save} disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </Card>
  );
}
