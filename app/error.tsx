"use client";
import { ErrorView } from "@/components/errors/error-view";

// Any page (or the Maker shell) whose server work failed, e.g. a database that does not answer.
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="min-h-screen bg-slate-50 px-4 py-8">
      <ErrorView error={error} reset={reset} />
    </main>
  );
}
