"use client";
import { ErrorView } from "@/components/errors/error-view";

// A Maker screen that failed, shown inside the Maker shell so that navigation stays at hand.
export default function MakerError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="py-4">
      <ErrorView error={error} reset={reset} headingLevel={1} />
    </div>
  );
}
