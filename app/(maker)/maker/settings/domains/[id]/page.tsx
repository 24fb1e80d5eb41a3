import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessProblem } from "@/components/auth/access-problem";
import { CheckDnsButton } from "@/components/sending/check-dns-button";
import { DomainRecords } from "@/components/sending/domain-records";
import { RotateKeyDialog } from "@/components/sending/rotate-key-dialog";
import { SendRecordsDialog } from "@/components/sending/send-records-dialog";
import { DomainStateBadge } from "@/components/sending/sending-badges";
import { SetUpSendingButton } from "@/components/sending/set-up-sending-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getCurrentMember } from "@/lib/auth/guard";
import { requirePageAccess } from "@/lib/auth/page-access";
import { AppError } from "@/lib/errors";
import { formatOrgTime } from "@/lib/format-time";
import { getDomainSendingOrThrow } from "@/lib/sending/get-domain-sending-or-throw";
import type { DomainSending } from "@/lib/sending/types";
import { idSchema } from "@/lib/validation";

async function load(orgId: string, id: string): Promise<DomainSending | null> {
  if (!idSchema.safeParse(id).success) return null;
  try {
    return await getDomainSendingOrThrow(getDb(), { orgId, domainId: id, now: new Date() });
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, member] = await Promise.all([params, getCurrentMember()]);
  if (!member || member.role !== "admin") return { title: "Email domain" };
  const s = await load(member.org.id, id).catch(() => null);
  return { title: s ? `Sending from ${s.domainUnicode}` : "Email domain not found" };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/**
 * A domain's sending set-up (issue 19 items 1–5): its state, the DNS records to publish with their status, and
 * Check DNS, Download zone file, Send to your DNS admin, Rotate key. Admins of the organisation (R18); another
 * organisation's domain is "not found". The page only reads: the key is made by "Set up sending".
 */
export default async function DomainSendingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePageAccess(`/maker/settings/domains/${id}`, { licence: false });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const s = await load(org.id, id);
  if (!s) notFound();
  const zone = org.timezone;
  const idn = s.domainUnicode !== s.domain;
  const hasKey = s.activeSelector !== null;

  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/maker/settings#domains" className="text-sm text-brand-700 hover:underline">
            ← Settings
          </Link>
        }
        title={`Sending from ${s.domainUnicode}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <DomainStateBadge state={s.state} />
            <span>{s.stateSentence}</span>
            {idn && (
              <span className="text-slate-500">
                In DNS:{" "}
                <span className="font-mono" data-testid="domain-punycode">
                  {s.domain}
                </span>
              </span>
            )}
          </span>
        }
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          {!s.canSend && s.cannotSendReason && (s.state === "at_risk" || s.state === "broken") && (
            <Alert tone={s.state === "broken" ? "error" : "warning"} title="Mailboxes on this domain cannot send yet">
              {s.cannotSendReason}
            </Alert>
          )}
          <Card
            id="records"
            title="Records to publish"
            description={`Add these records at the company that hosts the DNS of ${s.domainUnicode} (often where the domain was bought), then check DNS.`}
            actions={
              hasKey ? (
                <Button variant="secondary" asChild>
                  <a href={`/maker/settings/domains/${s.domainId}/zone`} download={s.zoneFileName}>
                    <Download className="size-4" aria-hidden />
                    Download zone file
                  </a>
                </Button>
              ) : undefined
            }
          >
            {hasKey ? (
              <div className="space-y-4">
                <DomainRecords records={s.records} timeZone={zone} />
                <p className="border-t border-slate-100 pt-4 text-sm text-slate-600" data-testid="spf-sentence">
                  {s.spfSentence}
                </p>
              </div>
            ) : (
              <div className="space-y-3">
                <p className="text-sm text-slate-700">
                  To send as addresses on {s.domainUnicode}, the platform signs each message with a DKIM key of this
                  domain. Set up sending to make the key; its record then appears here, ready to publish.
                </p>
                <SetUpSendingButton domainId={s.domainId} />
              </div>
            )}
          </Card>
        </div>
        {/* On a phone the column's cards are the grid's own items (display: contents), and "Check" comes first: it
            says when DNS was last checked and holds Check DNS, which would otherwise sit below every record. */}
        <div className="contents xl:block xl:space-y-6">
          <div className="order-first xl:order-none">
            <Card id="check" title="Check">
              <div className="space-y-4">
                <dl className="grid grid-cols-2 gap-3 xl:grid-cols-1">
                  <Fact label="Last check">{s.lastCheckedAt ? formatOrgTime(s.lastCheckedAt, zone) : "Never"}</Fact>
                  <Fact label="Last success">{s.lastSuccessAt ? formatOrgTime(s.lastSuccessAt, zone) : "Never"}</Fact>
                  {s.nextCheckAt && <Fact label="Next automatic check">{formatOrgTime(s.nextCheckAt, zone)}</Fact>}
                </dl>
                <CheckDnsButton
                  domainId={s.domainId}
                  disabledReason={hasKey ? null : "Set up sending first: there is no record to check yet."}
                />
              </div>
            </Card>
          </div>
          {hasKey && (
            <Card id="share" title="Someone else manages DNS?">
              <div className="space-y-3">
                <p className="text-sm text-slate-600">Send them the records and the zone file by email.</p>
                <SendRecordsDialog domainId={s.domainId} domain={s.domainUnicode} />
              </div>
            </Card>
          )}
          {hasKey && (
            <Card id="key" title="DKIM key">
              <div className="space-y-3">
                <p className="text-sm text-slate-600">
                  Current selector{" "}
                  <span className="font-mono text-slate-900" data-testid="active-selector">
                    {s.activeSelector}
                  </span>
                  . Rotate the key if you think it was exposed, or as a yearly habit.
                </p>
                <RotateKeyDialog domainId={s.domainId} domain={s.domainUnicode} pendingSelector={s.pendingSelector} />
              </div>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
