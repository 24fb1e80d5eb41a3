import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { ensureDomainKey } from "@/lib/sending/ensure-domain-key";
import { createTestOrg, expectUnchanged, signInAs, signOutOfTests, type TestOrg } from "@/tests/fixtures";
import {
  checkDnsAction,
  publishDemoRecordAction,
  rotateKeyAction,
  sendRecordsAction,
  setUpSendingAction,
} from "./domains";
import { GET as downloadZone } from "@/app/(maker)/maker/settings/domains/[id]/zone/route";

// The domain set-up page's actions and its zone file route (issue 19, S8): R18 (admins only, checked by each action
// and by the route itself) and R39 (another organisation's domain is "not found", and nothing changes).
let t: TestOrg;
let domainId: string;
beforeEach(async () => {
  t = await createTestOrg();
  domainId = t.domains[0].id;
  await signInAs(t.admin.email);
});

const zone = (id: string) =>
  downloadZone(new Request(`http://localhost/maker/settings/domains/${id}/zone`), { params: Promise.resolve({ id }) });

describe("S8 actions and zone file", () => {
  it("Set up sending makes the key once; the zone file then serves <domain>.zone with the DKIM record", async () => {
    const first = await setUpSendingAction({ domainId });
    const again = await setUpSendingAction({ domainId });
    expect(first?.data?.selector).toMatch(/^[a-z0-9-]+$/);
    expect(again?.data?.selector).toBe(first?.data?.selector);
    const res = await zone(domainId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${t.domains[0].domain}.zone"`);
    const text = await res.text();
    expect(text).toContain(
      `${first?.data?.selector}._domainkey.${t.domains[0].domain}. 3600 IN TXT "v=DKIM1; k=rsa; p=`,
    );
    expect(text).not.toMatch(/PRIVATE KEY/);
  });

  it("R18 refuses a signed-out visitor and an agent, in the actions and the zone file, and changes nothing", async () => {
    await ensureDomainKey(getDb(), { orgId: t.org.id, domainId, now: new Date() });
    signOutOfTests();
    expect(await expectUnchanged(t.org.id, () => rotateKeyAction({ domainId }))).toMatchObject({
      serverError: { code: "UNAUTHENTICATED" },
    });
    expect((await zone(domainId)).status).toBe(401);
    await signInAs(t.agent.email);
    expect(await expectUnchanged(t.org.id, () => checkDnsAction({ domainId }))).toMatchObject({
      serverError: { code: "FORBIDDEN" },
    });
    expect(await expectUnchanged(t.org.id, () => sendRecordsAction({ domainId, to: "dns@example.com" }))).toMatchObject(
      {
        serverError: { code: "FORBIDDEN" },
      },
    );
    expect((await zone(domainId)).status).toBe(403);
  });

  it("R39 another organisation's domain is not found by every action and the zone file; a malformed id is refused", async () => {
    await ensureDomainKey(getDb(), { orgId: t.org.id, domainId, now: new Date() });
    const other = await createTestOrg();
    await signInAs(other.admin.email);
    for (const run of [
      () => setUpSendingAction({ domainId }),
      () => checkDnsAction({ domainId }),
      () => rotateKeyAction({ domainId }),
      () => sendRecordsAction({ domainId, to: "dns@example.com" }),
      () => publishDemoRecordAction({ domainId }),
    ]) {
      expect(await expectUnchanged(t.org.id, run)).toMatchObject({ serverError: { code: "NOT_FOUND" } });
    }
    expect((await zone(domainId)).status).toBe(404);
    expect((await zone("../../etc/passwd")).status).toBe(404);
    const malformed = await checkDnsAction({ domainId: "'; drop table email_domain; --" });
    expect(malformed?.validationErrors?.fieldErrors?.domainId?.[0]).toBeTruthy();
  });

  it("Send to your DNS admin refuses a wrong address next to the To field, with the schema's sentence", async () => {
    for (const to of ["not an address", "Ann <ann@example.com>", "a@example.com, b@example.com", ""]) {
      const r = await expectUnchanged(t.org.id, () => sendRecordsAction({ domainId, to }));
      expect(r?.validationErrors?.fieldErrors?.to?.[0], to).toMatch(/^Enter /);
    }
  });
});
