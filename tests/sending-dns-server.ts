// Test helper (never used by the app): a DNS server on 127.0.0.1 (UDP) whose records and faults a test changes live.
import type { AddressInfo } from "node:net";
import dns2 from "dns2";

export type TestDnsMode = "normal" | "servfail" | "silent";

export async function startSendingTestDns() {
  const { Packet } = dns2;
  const txt = new Map<string, string[][]>();
  const cname = new Map<string, string>();
  let mode: TestDnsMode = "normal";
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      if (mode === "silent") return; // a resolver that never answers
      const response = Packet.createResponseFromRequest(request);
      const [q] = request.questions as { name: string; type: number }[];
      const name = q.name.toLowerCase();
      if (mode === "servfail") {
        (response.header as { rcode: number }).rcode = 2;
        return send(response);
      }
      const alias = cname.get(name);
      if (alias && q.type === Packet.TYPE.CNAME) {
        response.answers.push({
          name: q.name,
          type: Packet.TYPE.CNAME,
          class: Packet.CLASS.IN,
          ttl: 60,
          domain: alias,
        } as never);
      } else if (alias && q.type === Packet.TYPE.TXT) {
        response.answers.push({
          name: q.name,
          type: Packet.TYPE.CNAME,
          class: Packet.CLASS.IN,
          ttl: 60,
          domain: alias,
        } as never);
        for (const data of txt.get(alias) ?? [])
          response.answers.push({ name: alias, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data } as never);
      } else if (txt.has(name) && q.type === Packet.TYPE.TXT) {
        for (const data of txt.get(name)!)
          response.answers.push({
            name: q.name,
            type: Packet.TYPE.TXT,
            class: Packet.CLASS.IN,
            ttl: 60,
            data,
          } as never);
      } else if (!txt.has(name) && !alias) {
        (response.header as { rcode: number }).rcode = 3;
      }
      send(response);
    },
  });
  await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  const port = (server.addresses().udp as AddressInfo).port;
  return {
    server: `127.0.0.1:${port}`,
    /** Publishes a TXT record (split into 255-character strings as a zone would). */
    setTxt(name: string, ...values: string[]) {
      txt.set(
        name.toLowerCase(),
        values.map((v) => v.match(/[\s\S]{1,255}/g) ?? [""]),
      );
    },
    setCname(name: string, target: string) {
      cname.set(name.toLowerCase(), target.toLowerCase());
    },
    remove(name: string) {
      txt.delete(name.toLowerCase());
      cname.delete(name.toLowerCase());
    },
    setMode(m: TestDnsMode) {
      mode = m;
    },
    close: () => server.close(),
  };
}
