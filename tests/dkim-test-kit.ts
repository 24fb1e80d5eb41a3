// Test helpers for R28 (never used by the app): a DKIM key pair, a signer (nodemailer's own DKIM signing, as a
// provider signs), and a local DNS server (dns2) that serves the key's TXT record, for DNS_SERVERS to point at.
import { generateKeyPairSync } from "node:crypto";
import type { AddressInfo } from "node:net";
import dns2 from "dns2";
import { createTransport } from "nodemailer";

export type TestKey = { selector: string; domain: string; privateKey: string; txt: string };

export function createTestKey(domain = "google.com", selector = "20230601"): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const der = publicKey.export({ type: "spki", format: "der" }).toString("base64");
  return {
    selector,
    domain,
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    txt: `v=DKIM1; k=rsa; p=${der}`,
  };
}

/** Signs a raw message with the key, relaxed/relaxed, as the provider's outbound server would. */
export async function signRaw(raw: Buffer | string, key: TestKey): Promise<Buffer> {
  const withoutOld = Buffer.from(raw)
    .toString("utf8")
    .replace(/^DKIM-Signature:.*\r?\n(?:[ \t].*\r?\n)*/im, "");
  const t = createTransport({
    streamTransport: true,
    buffer: true,
    dkim: { domainName: key.domain, keySelector: key.selector, privateKey: key.privateKey },
  });
  const info = await t.sendMail({ envelope: { from: "bounce@google.com", to: ["x@example.com"] }, raw: withoutOld });
  return info.message as Buffer;
}

/** A DNS server on 127.0.0.1 (UDP) answering TXT queries from `records` (name → TXT strings); NXDOMAIN otherwise. */
export async function startTestDns(records: Record<string, string>, port = 0) {
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [q] = request.questions as { name: string; type: number }[];
      const value = records[q.name.toLowerCase()];
      if (value !== undefined && q.type === Packet.TYPE.TXT) {
        // Split into 255-byte character-strings as a real zone would.
        const chunks = value.match(/.{1,255}/g) ?? [""];
        response.answers.push({
          name: q.name,
          type: Packet.TYPE.TXT,
          class: Packet.CLASS.IN,
          ttl: 60,
          data: chunks,
        } as never);
      } else if (value === undefined) {
        (response.header as { rcode: number }).rcode = 3; // NXDOMAIN
      }
      send(response);
    },
  });
  await server.listen({ udp: { port, address: "127.0.0.1" } });
  const bound = (server.addresses().udp as AddressInfo).port;
  return { port: bound, server: `127.0.0.1:${bound}`, close: () => server.close() };
}

export const dkimRecordName = (key: TestKey) => `${key.selector}._domainkey.${key.domain}`;
