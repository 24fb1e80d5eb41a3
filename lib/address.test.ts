import { describe, expect, it } from "vitest";
import { mailboxAddress, platformAliasAddress } from "./address";

describe("address formatter", () => {
  it("puts a mailbox address together as local part @ domain", () => {
    expect(mailboxAddress("support", "mycompany.com")).toBe("support@mycompany.com");
    expect(mailboxAddress("…", "mycompany.com")).toBe("…@mycompany.com");
  });

  it("puts a platform alias together as token @ org slug . platform domain", () => {
    expect(platformAliasAddress("k7x2pq8mzn", "demo", "ino.cx")).toBe("k7x2pq8mzn@demo.ino.cx");
  });
});
