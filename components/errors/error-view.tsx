"use client";
import { RotateCw, ServerCrash } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/**
 * What a page shows when its server work failed (e.g. the database does not answer): a plain sentence, a
 * retry that asks the server again, and the error's reference for support. Never the error's text or stack.
 */
export function ErrorView({
  error,
  reset,
  headingLevel = 1,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  headingLevel?: 1 | 2;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div
      role="alert"
      className="mx-auto mt-12 max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200"
    >
      <ServerCrash className="mx-auto size-10 text-slate-400" aria-hidden />
      <Heading className="mt-4 text-xl font-semibold text-slate-900">This page could not be loaded</Heading>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Something went wrong on our side, possibly for a moment only. Nothing you saved is lost. Try again in a few
        seconds.
      </p>
      <Button
        className="mt-6"
        disabled={pending}
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        <RotateCw className="size-4" aria-hidden />
        {pending ? "Trying again…" : "Try again"}
      </Button>
      {error.digest && <p className="mt-4 text-xs text-slate-500">Reference for support: {error.digest}</p>}
    </div>
  );
}
