import type { PGlite } from "@electric-sql/pglite";

/**
 * pg-boss on embedded PGlite (TOOLCHAIN, decision 0018): pg-boss sends statements without parameters that hold
 * several commands (`BEGIN; SET LOCAL …; …`), which PGlite's `query` refuses ("cannot insert multiple commands into
 * a prepared statement") and only `exec` accepts (its answer: the last command's rows); statements with parameters
 * go through `query`. pglite-executor.test.ts fails when an upgrade of either changes this.
 */
export function pgliteExecutor(client: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length) {
        const r = await client.query(text, values as unknown[]);
        return { rows: r.rows };
      }
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}
