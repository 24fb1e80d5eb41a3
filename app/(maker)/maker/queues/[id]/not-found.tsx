import Link from "next/link";
import { Button } from "@/components/ui/button";

/** A queue that does not exist, or belongs to another organisation (R18): the same page either way. */
export default function QueueNotFound() {
  return (
    <div className="mx-auto mt-12 max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-slate-900">Queue not found</h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">This queue does not exist or was removed.</p>
      <Button asChild variant="secondary" className="mt-6">
        <Link href="/maker/queues">Back to Queues</Link>
      </Button>
    </div>
  );
}
