import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** Any unknown Maker address: a way back, inside the Maker shell. */
export default function MakerNotFound() {
  return (
    <div className="mx-auto mt-12 max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        There is no page at this address in Maker. It may have moved, or the link may be incomplete.
      </p>
      <Button asChild variant="secondary" className="mt-6">
        <Link href="/maker/mailboxes">Go to Mailboxes</Link>
      </Button>
    </div>
  );
}
