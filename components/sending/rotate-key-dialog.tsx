"use client";
import { RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { rotateKeyAction } from "@/lib/actions/domains";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { callAction } from "@/lib/forms/call-action";

/**
 * "Rotate key" (R34): asks first, and says what happens: a new record to publish, the old key signing until the
 * new record is verified, then the old record can be removed. While a rotation waits, a new one is not offered.
 */
export function RotateKeyDialog(props: { domainId: string; domain: string; pendingSelector: string | null }) {
  const router = useRouter();
  if (props.pendingSelector) {
    return (
      <p className="max-w-xs text-sm text-slate-600" data-testid="rotation-pending">
        A new key ({props.pendingSelector}) waits for its record to be verified.
      </p>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary">
          <RotateCw className="size-4" aria-hidden />
          Rotate key
        </Button>
      }
      tone="primary"
      title={`Rotate the DKIM key of ${props.domain}?`}
      description={
        <>
          A new key with a new selector is made, and its record appears below for you to publish. Mail keeps being
          signed with the current key until the new record is verified; nothing stops sending meanwhile. Then the old
          record is marked “Can be removed”.
        </>
      }
      confirmLabel="Make a new key"
      onConfirm={async () => {
        const result = await callAction(() => rotateKeyAction({ domainId: props.domainId }));
        const data = (result as Awaited<ReturnType<typeof rotateKeyAction>>)?.data;
        if (!data) return result?.serverError?.message ?? "The key could not be rotated.";
        toast.success(`New key ${data.selector} made. Publish its record, then check DNS.`);
        router.refresh();
        return null;
      }}
    />
  );
}
