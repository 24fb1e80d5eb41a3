"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { signOutAction } from "@/lib/actions/sign-in";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await signOutAction();
          router.replace("/sign-in");
          router.refresh();
        })
      }
    >
      <span className="ic ic-logout" aria-hidden />
      <span className="max-sm:sr-only">Sign out</span>
    </Button>
  );
}
