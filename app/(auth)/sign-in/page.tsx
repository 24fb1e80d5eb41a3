import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { nextParam, safeNextPath } from "@/lib/auth/safe-next-path";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const platform = config().PLATFORM_NAME;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div
            className="mx-auto mb-3 flex size-10 items-center justify-center rounded-lg bg-brand-600 text-lg font-bold text-white"
            aria-hidden
          >
            {platform.slice(0, 1)}
          </div>
          <h1 className="text-xl font-semibold text-slate-900">Sign in to {platform} Maker</h1>
          <p className="mt-1 text-sm text-slate-600">Administer your organisation&apos;s mailboxes and queues.</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInForm next={safeNextPath(nextParam(next))} />
        </div>
      </div>
    </main>
  );
}
