import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * A mailbox that does not exist, or belongs to another organisation (R18): the same page either way, in the Maker
 * shell.
 */
export default function MailboxNotFound() {
  return (
    <div className="mx-auto mt-12 max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-slate-900">Mailbox not found</h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        This mailbox does not exist or was deleted. Deleted mailboxes cannot be restored.
      </p>
      <Button asChild variant="secondary" className="mt-6">
        <Link href="/maker/mailboxes">Back to Mailboxes</Link>
      </Button>
    </div>
  );
}
