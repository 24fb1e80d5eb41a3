import type { Metadata } from "next";
import Link from "next/link";
import { AccessProblem } from "@/components/auth/access-problem";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/auth/page-access";

// The bench's floor page (issue 13): a route only in the bench's build. `.bench.tsx` is a page extension only
// when BENCH_FLOOR_ROUTE=1 at build time (next.config.ts), which `npm run bench` sets and a normal build never has.
// Same Maker layout and the same session check as S1, and 50 mailbox rows as static markup: no data, no client
// component. S1 and the queue page are measured against it in the same run.

export const metadata: Metadata = { title: "Bench floor" };

const ROWS = Array.from({ length: 50 }, (_, i) => ({
  name: `Bench mailbox ${i}`,
  address: `bench${i}@mycompany.com`,
  alias: `k7x2pq8mz${String(i).padStart(2, "0")}@demo.ino.cx`,
  status: i % 7 === 0 ? "Inactive" : "Active",
  queues: `Queue ${i % 20}, Queue ${(i + 7) % 20}, Queue ${(i + 14) % 20}`,
  routing: "Sales routing",
  last: "2 h ago, from jeanne@customer.example",
}));

export default async function BenchFloorPage() {
  const access = await requirePageAccess("/maker/bench-floor", { licence: true });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  return (
    <>
      <PageHeader title="Mailboxes" description={`${ROWS.length} of 50 mailboxes`} />
      <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-sm">
          <thead>
            <tr>
              {["Name", "Address", "Alias", "Status", "Queues", "Smart routing", "Last received"].map((h) => (
                <th key={h} className="px-3 py-2 text-left font-medium text-slate-600">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.address} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <Link href="/maker/mailboxes">{r.name}</Link>
                </td>
                <td className="px-3 py-2">{r.address}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.alias}</td>
                <td className="px-3 py-2">{r.status}</td>
                <td className="px-3 py-2">{r.queues}</td>
                <td className="px-3 py-2">{r.routing}</td>
                <td className="px-3 py-2">{r.last}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
