import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { json, rows } from "@/db/rows";

/**
 * An organisation's data for the hostile-input run: a fingerprint to prove that a call changed nothing, and a
 * saved state to put back after a call that succeeded, so that the data (and with it the fingerprint and the
 * actions' own queries) stays the same size whatever the number of runs.
 *
 * The organisation's tables are read from the catalogue (every table with an `org_id` column), not listed by
 * hand, so that a table added later is fingerprinted and restored too.
 */

type Catalogue = {
  /** Tables with an org_id column, parents before children (their foreign keys among them). */
  tables: string[];
  /** For each table, the tables whose foreign keys point at it (directly). */
  children: Map<string, string[]>;
  /** For each table, its columns that can be inserted (not generated). */
  columns: Map<string, string[]>;
  /** The organisation row's columns that can be updated. */
  orgColumns: string[];
};

let catalogue: Promise<Catalogue> | undefined;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function readCatalogue(): Promise<Catalogue> {
  const tableRows = await rows(
    getDb(),
    sql`select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.column_name = 'org_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name`,
    z.object({ table_name: z.string() }),
  );
  const names = tableRows.map((r) => r.table_name);
  const edges = (
    await rows(
      getDb(),
      sql`select distinct cl.relname as child, pl.relname as parent from pg_constraint k
      join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
      where k.contype = 'f' and n.nspname = current_schema()`,
      z.object({ child: z.string(), parent: z.string() }),
    )
  ).filter((e) => names.includes(e.child) && names.includes(e.parent) && e.child !== e.parent);
  const columnRows = await rows(
    getDb(),
    sql`select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and is_generated = 'NEVER' and (column_name <> 'id' or table_name <> 'organization')
      order by table_name, ordinal_position`,
    z.object({ table_name: z.string(), column_name: z.string() }),
  );
  const columns = new Map<string, string[]>();
  for (const r of columnRows) columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  const children = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const e of edges) children.get(e.parent)!.push(e.child);
  // Parents first (Kahn's algorithm); a cycle would leave tables out, which the check below reports.
  const parentsLeft = new Map(names.map((n) => [n, new Set(edges.filter((e) => e.child === n).map((e) => e.parent))]));
  const tables: string[] = [];
  let ready = names.filter((n) => parentsLeft.get(n)!.size === 0);
  while (ready.length) {
    tables.push(...ready);
    for (const done of ready) for (const child of children.get(done)!) parentsLeft.get(child)!.delete(done);
    ready = names.filter((n) => !tables.includes(n) && parentsLeft.get(n)!.size === 0);
  }
  if (tables.length !== names.length)
    throw new Error(`Foreign keys form a cycle among ${names.filter((n) => !tables.includes(n)).join(", ")}`);
  return { tables, children, columns, orgColumns: columns.get("organization") ?? [] };
}

function getCatalogue(): Promise<Catalogue> {
  catalogue ??= readCatalogue().catch((e) => {
    catalogue = undefined;
    throw e;
  });
  return catalogue;
}

/** Per table (and the organisation row itself): row count and the sum of each row's hash, in one query. */
export type Fingerprint = Record<string, string>;

/**
 * One query: a fingerprint of everything an organisation owns. Per table the row count and the sum of each
 * row's hash (whole rows, every column), which needs no sort; the organisation row's own hash.
 */
export async function fingerprint(orgId: string): Promise<Fingerprint> {
  const { tables } = await getCatalogue();
  const parts: SQL[] = [
    sql`'organization', (select hashtext(o::text)::text from organization o where o.id = ${orgId})`,
  ];
  for (const table of tables) {
    parts.push(
      sql`, ${table}::text, (select count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from ${sql.raw(ident(table))} t where t.org_id = ${orgId})`,
    );
  }
  const [row] = await rows(
    getDb(),
    sql`select json_build_object(${sql.join(parts)})::text as f`,
    z.object({ f: json(z.custom<Fingerprint>()) }),
  );
  return row.f;
}

/** The tables (or "organization") whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

/** An organisation's rows, as JSON text straight from the database (no JavaScript round trip of the values). */
export type SavedOrg = { orgId: string; org: string; tables: Map<string, string> };

export async function saveOrg(orgId: string): Promise<SavedOrg> {
  const { tables } = await getCatalogue();
  const saved: SavedOrg = { orgId, org: "", tables: new Map() };
  const [org] = await rows(
    getDb(),
    sql`select row_to_json(o)::text as j from organization o where o.id = ${orgId}`,
    z.object({ j: z.string() }),
  );
  saved.org = org.j;
  for (const table of tables) {
    const [r] = await rows(
      getDb(),
      sql`select coalesce(json_agg(t)::text, '[]') as j from ${sql.raw(ident(table))} t where t.org_id = ${orgId}`,
      z.object({ j: z.string() }),
    );
    saved.tables.set(table, r.j);
  }
  return saved;
}

// Restoring leaves the replaced rows dead, and this machine's PostgreSQL runs without autovacuum: without a
// vacuum, every scan of these tables (the fingerprint's, the actions') would read more dead rows at each input.
const VACUUM_EVERY = 100;
let restoresSinceVacuum = 0;
const restoredTables = new Set<string>();

/**
 * Puts the saved rows back in the tables named (and in every table whose foreign keys depend on them, which a
 * delete would reach): deletes the organisation's rows, children first, and inserts the saved ones, parents
 * first, in one transaction. Only what changed is rewritten, so a restore costs a few statements.
 */
export async function restoreOrg(saved: SavedOrg, changed: string[]): Promise<void> {
  const { tables, children, columns, orgColumns } = await getCatalogue();
  const unknown = changed.filter((c) => c !== "organization" && !tables.includes(c));
  if (unknown.length) throw new Error(`Cannot restore ${unknown.join(", ")}`);
  const reach = new Set(changed.filter((c) => c !== "organization"));
  for (const table of tables) if (reach.has(table)) for (const child of children.get(table)!) reach.add(child);
  const order = tables.filter((t) => reach.has(t));
  await getDb().transaction(async (tx) => {
    if (changed.includes("organization")) {
      const cols = orgColumns.map(ident);
      await tx.execute(
        sql`update organization set (${sql.raw(cols.join(", "))}) = (select ${sql.raw(cols.map((c) => `r.${c}`).join(", "))} from json_populate_record(null::organization, ${saved.org}::json) r) where id = ${saved.orgId}`,
      );
    }
    for (const table of [...order].reverse())
      await tx.execute(sql`delete from ${sql.raw(ident(table))} where org_id = ${saved.orgId}`);
    for (const table of order) {
      const rows = saved.tables.get(table)!;
      if (rows === "[]") continue;
      const cols = columns.get(table)!.map(ident).join(", ");
      await tx.execute(
        sql`insert into ${sql.raw(ident(table))} (${sql.raw(cols)}) overriding system value select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(ident(table))}, ${rows}::json)`,
      );
    }
  });
  for (const table of order) restoredTables.add(table);
  if (changed.includes("organization")) restoredTables.add("organization");
  if (++restoresSinceVacuum >= VACUUM_EVERY) {
    // Outside a transaction (VACUUM cannot run in one); the tables are small, so this takes milliseconds.
    await getDb().execute(sql.raw(`vacuum ${[...restoredTables].map(ident).join(", ")}`));
    restoresSinceVacuum = 0;
    restoredTables.clear();
  }
}
