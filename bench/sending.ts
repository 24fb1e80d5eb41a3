import { sql } from "drizzle-orm";
import { applyDomainCheck, lookupDomainRecords } from "../lib/sending/check-domain-dns";
import { composeSigned } from "../lib/sending/send-as-mailbox";
import { dkimValue } from "../lib/sending/domain-records";
import { generateDkimKeyPair } from "../lib/sending/ensure-domain-key";
import { sealPrivateKey } from "../lib/sending/dkim-secret";
import { loadDomainFacts } from "../lib/sending/load-domain-sending";
import { runDomainChecks } from "../lib/sending/run-domain-checks";
import { createSendingResolver } from "../lib/sending/sending-resolver";
import { startSendingTestDns } from "../tests/sending-dns-server";
import { percentile, timeIt, type BenchContext } from "./harness";

// Issue 19's figures: "Check DNS" for one domain against a local DNS server (≤ 1 s), the scheduled re-check of
// 1,000 domains (bounded concurrency, queries per domain constant), and what DKIM signing adds per message (≤ 5 ms).

const N = 1000;

export default async function benchSending(ctx: BenchContext): Promise<void> {
  const db = ctx.handle.db;
  const dns = await startSendingTestDns();
  const resolver = createSendingResolver({ servers: [dns.server], timeoutMs: 2000 });
  try {
    // 1,000 domains in 20 organisations, each with a key (one key reused: generation is not what is measured).
    const pair = await generateDkimKeyPair();
    const sealed = sealPrivateKey(pair.privateKeyPem);
    await db.execute(sql`
      with o as (
        insert into organization (name, slug, timezone, language, smart_licence)
        select 'Sending org ' || g, 'sending-org-' || g, 'Europe/Paris', 'en', true from generate_series(0, 19) g returning id, slug
      )
      insert into email_domain (org_id, domain) select o.id, 'd' || n || '.' || o.slug || '.example' from o cross join generate_series(1, ${N / 20}) n`);
    await db.execute(sql`
      insert into domain_dkim_key (org_id, domain_id, selector, public_key, private_key_enc, key_check, state, created_at)
      select d.org_id, d.id, 'ino202612', ${pair.publicKey}, ${sealed.privateKeyEnc}, ${sealed.keyCheck}, 'active', now()
      from email_domain d join organization o on o.id = d.org_id where o.slug like 'sending-org-%'`);
    await db.execute(sql`
      insert into domain_sending (domain_id, org_id, state, waiting_since, next_check_at, created_at)
      select d.id, d.org_id, 'ready', now() - interval '2 days', now() - interval '1 minute', now()
      from email_domain d join organization o on o.id = d.org_id where o.slug like 'sending-org-%'`);
    const domains = (await db.execute(
      sql`select d.domain from email_domain d join organization o on o.id = d.org_id where o.slug like 'sending-org-%'`,
    )) as unknown as { domain: string }[];
    for (const d of domains) {
      dns.setTxt(`ino202612._domainkey.${d.domain}`, dkimValue(pair.publicKey));
      dns.setTxt(`_dmarc.${d.domain}`, "v=DMARC1; p=none");
    }

    // One domain, "Check DNS": lookups + stored result.
    const [one] = (await db.execute(
      sql`select d.id::text as id, d.org_id::text as "orgId" from email_domain d join organization o on o.id = d.org_id where o.slug = 'sending-org-0' limit 1`,
    )) as unknown as { id: string; orgId: string }[];
    const single: number[] = [];
    for (let i = 0; i < 20; i++) {
      const [ms] = await timeIt(async () => {
        const [f] = await loadDomainFacts(db, { orgId: one.orgId, domainIds: [one.id] });
        await applyDomainCheck(db, f, await lookupDomainRecords(resolver, f, new Date()), {
          now: new Date(),
          intervalMs: 6 * 3_600_000,
        });
      });
      single.push(ms);
    }

    // The scheduled re-check of 1,000 due domains, as the job runs it (ticks of up to 200, 8 at a time).
    const before = ctx.handle.queryCount();
    let checked = 0;
    let ticks = 0;
    const [allMs] = await timeIt(async () => {
      for (;;) {
        const r = await runDomainChecks(db, { now: new Date(), resolver, deliver: async () => "taken" });
        if (r.claimed === 0) break;
        checked += r.checked;
        ticks++;
      }
    });
    const queries = ctx.handle.queryCount() - before;

    // Signing: composing the same message with and without the DKIM signature.
    const key = { domainName: "mycompany.com", keySelector: "ino202612", privateKey: pair.privateKeyPem };
    const mail = {
      from: "Billing <billing@mycompany.com>",
      envelopeFrom: "bounce+x@ino.cx",
      to: "someone@example.com",
      subject: "Hello",
      text: "A short reply.\r\n".repeat(40),
    };
    const signed: number[] = [];
    const plain: number[] = [];
    const { createTransport } = await import("nodemailer");
    const composer = createTransport({ streamTransport: true, buffer: true, newline: "windows" });
    for (let i = 0; i < 200; i++) {
      signed.push((await timeIt(() => composeSigned(mail, key)))[0]);
      plain.push(
        (await timeIt(() => composer.sendMail({ ...mail, envelope: { from: mail.envelopeFrom, to: [mail.to] } })))[0],
      );
    }
    // Reference on this machine: one bare RSA-2048 signature (the floor of any DKIM signer).
    const { createPrivateKey, sign } = await import("node:crypto");
    const keyObject = createPrivateKey(pair.privateKeyPem);
    const bare: number[] = [];
    for (let i = 0; i < 200; i++)
      bare.push((await timeIt(async () => sign("sha256", Buffer.from(String(i)), keyObject)))[0]);
    ctx.report("sending", {
      "Check DNS, one domain, median ms": percentile(single, 50).toFixed(1),
      "Check DNS, one domain, p95 ms (target ≤ 1000)": percentile(single, 95).toFixed(1),
      "scheduled re-check: domains checked": checked,
      "scheduled re-check: ticks (≤ 200 domains each, 8 at a time)": ticks,
      "scheduled re-check: total s": (allMs / 1000).toFixed(1),
      "scheduled re-check: database queries per domain": (queries / Math.max(1, checked)).toFixed(2),
      "signing overhead per message, median ms (target ≤ 5)": (percentile(signed, 50) - percentile(plain, 50)).toFixed(
        2,
      ),
      "reference: one bare RSA-2048 signature, median ms": percentile(bare, 50).toFixed(2),
    });
  } finally {
    dns.close();
  }
}
