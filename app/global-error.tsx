"use client";
import { ErrorView } from "@/components/errors/error-view";
import "./globals.css";

// The last resort, when even the root layout failed: it brings its own <html> and <body>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 px-4 py-8 font-sans">
        <title>Something went wrong · Maker</title>
        <ErrorView error={error} reset={reset} />
      </body>
    </html>
  );
}
