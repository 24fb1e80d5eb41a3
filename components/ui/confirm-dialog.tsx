"use client";
import { useState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog, DialogClose } from "./dialog";
import { Field } from "./field";
import { Input } from "./input";

/**
 * Asks before an action, runs it, and shows its refusal inside the dialog, next to the action that caused it.
 * `onConfirm` resolves to null on success or to the message to show. With `typeToConfirm`, the person types
 * that text before the button unlocks (a deliberate step for permanent actions).
 */
export function ConfirmDialog(props: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  typeToConfirm?: string;
  onConfirm: () => Promise<string | ReactNode | null>;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | ReactNode | null>(null);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const locked = props.typeToConfirm !== undefined && typed.trim() !== props.typeToConfirm;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setError(null);
          setTyped("");
        }
      }}
      trigger={props.trigger}
      title={props.title}
      description={props.description}
      footer={
        <>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant={props.tone === "primary" ? "primary" : "danger"}
            disabled={pending || locked}
            onClick={async () => {
              setPending(true);
              setError(null);
              try {
                const message = await props.onConfirm();
                if (message) setError(message);
                else setOpen(false);
              } finally {
                setPending(false);
              }
            }}
          >
            {pending ? "Working…" : props.confirmLabel}
          </Button>
        </>
      }
    >
      {(props.typeToConfirm !== undefined || error) && (
        <div className="space-y-4">
          {props.typeToConfirm !== undefined && (
            <Field id="confirm-text" label={`Type ${props.typeToConfirm} to confirm`}>
              <Input
                id="confirm-text"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </Field>
          )}
          {error && <Alert tone="error">{error}</Alert>}
        </div>
      )}
    </Dialog>
  );
}
