"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { adminAction } from "@/lib/action-client";
import { checkDomainDns } from "@/lib/sending/check-domain-dns";
import { ensureDomainKey } from "@/lib/sending/ensure-domain-key";
import { publishDemoRecord } from "@/lib/sending/publish-demo-record";
import { rotateDomainKey } from "@/lib/sending/rotate-domain-key";
import { domainActionSchema, sendDomainRecordsSchema } from "@/lib/sending/schemas";
import { sendRecordsToDnsAdmin } from "@/lib/sending/send-records-to-dns-admin";

// The domain set-up page's actions (issue 19 items 1–5): admins of the organisation, no licence needed (Settings).
// Each one: session → parse → service (org-scoped: another organisation's domain is "not found") → revalidate.

function revalidateDomain(domainId: string) {
  revalidatePath(`/maker/settings/domains/${domainId}`);
  revalidatePath("/maker/settings");
  revalidatePath("/maker/mailboxes", "layout");
  revalidatePath("/maker/queues", "layout");
}

/** "Set up sending": makes the domain's DKIM key (once; two admins at once end with one key). */
export const setUpSendingAction = adminAction.inputSchema(domainActionSchema).action(async ({ parsedInput, ctx }) => {
  const key = await ensureDomainKey(getDb(), { orgId: ctx.orgId, domainId: parsedInput.domainId, now: new Date() });
  revalidateDomain(parsedInput.domainId);
  return { ok: true as const, selector: key.selector };
});

/** "Check DNS": looks the records up now and answers with the state; the page shows each row's result. */
export const checkDnsAction = adminAction.inputSchema(domainActionSchema).action(async ({ parsedInput, ctx }) => {
  const s = await checkDomainDns(getDb(), {
    orgId: ctx.orgId,
    domainId: parsedInput.domainId,
    now: new Date(),
    actorId: ctx.actorId,
  });
  revalidateDomain(parsedInput.domainId);
  return {
    ok: true as const,
    state: s.state,
    checkedAt: (s.lastCheckedAt ?? new Date()).toISOString(),
    records: s.records.map((r) => ({ purpose: r.purpose, status: r.status })),
  };
});

/** "Rotate key": a new selector; the old key keeps signing until the new record is verified. */
export const rotateKeyAction = adminAction.inputSchema(domainActionSchema).action(async ({ parsedInput, ctx }) => {
  const r = await rotateDomainKey(getDb(), {
    orgId: ctx.orgId,
    actorId: ctx.actorId,
    domainId: parsedInput.domainId,
    now: new Date(),
  });
  revalidateDomain(parsedInput.domainId);
  return { ok: true as const, selector: r.selector };
});

/** "Send these records to your DNS admin": mails the records and the zone file (limited like test emails). */
export const sendRecordsAction = adminAction
  .inputSchema(sendDomainRecordsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const r = await sendRecordsToDnsAdmin(getDb(), {
      orgId: ctx.orgId,
      actorId: ctx.actorId,
      domainId: parsedInput.domainId,
      to: parsedInput.to,
      now: new Date(),
    });
    revalidatePath(`/maker/settings/domains/${parsedInput.domainId}`);
    return { ok: true as const, to: r.to, sentAt: r.sentAt.toISOString() };
  });

/** The demo's "Publish" (demo organisation only; the service refuses any other): the missing record appears. */
export const publishDemoRecordAction = adminAction
  .inputSchema(domainActionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await publishDemoRecord(getDb(), { orgId: ctx.orgId, domainId: parsedInput.domainId, now: new Date() });
    revalidateDomain(parsedInput.domainId);
    revalidatePath("/maker/demo-provider");
    return { ok: true as const };
  });
