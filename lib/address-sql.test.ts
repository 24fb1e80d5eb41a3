import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { rows } from "@/db/rows";
import { z } from "zod";
import { mailboxAddress, platformAliasAddress } from "./address";
import { mailboxAddressSql, platformAliasAddressSql } from "./address-sql";

const dialect = new PgDialect();

describe("address SQL fragments", () => {
  it("render the one concatenation, on the given table aliases", () => {
    expect(dialect.sqlToQuery(mailboxAddressSql()).sql).toBe("(m.local_part || '@' || d.domain)");
    expect(dialect.sqlToQuery(mailboxAddressSql("mb", "ed")).sql).toBe("(mb.local_part || '@' || ed.domain)");
    const alias = dialect.sqlToQuery(platformAliasAddressSql("ino.cx"));
    expect(alias.sql).toBe("(mb.alias_token || '@' || o.slug || '.' || $1)");
    expect(alias.params).toEqual(["ino.cx"]);
  });

  it("refuse a table alias that is not an identifier", () => {
    expect(() => mailboxAddressSql("m; drop table mailbox", "d")).toThrow(/not a table alias/);
    expect(() => platformAliasAddressSql("ino.cx", "mb", "o.slug")).toThrow(/not a table alias/);
  });

  it("give in SQL what the TypeScript formatter gives", async () => {
    const [row] = await rows(
      getDb(),
      sql`select ${mailboxAddressSql()} as address, ${platformAliasAddressSql("ino.cx")} as alias
          from (values ('support')) m(local_part), (values ('mycompany.com')) d(domain),
               (values ('k7x2pq8mzn')) mb(alias_token), (values ('demo')) o(slug)`,
      z.object({ address: z.string(), alias: z.string() }),
    );
    expect(row).toEqual({
      address: mailboxAddress("support", "mycompany.com"),
      alias: platformAliasAddress("k7x2pq8mzn", "demo", "ino.cx"),
    });
  });
});
