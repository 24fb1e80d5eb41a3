import { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { pgliteExecutor } from "./pglite-executor";

// Decision 0018: the executor that lets pg-boss run on PGlite. These fail when an upgrade of pg-boss or PGlite
// changes what it relies on; a fresh in-memory PGlite of its own, so no test database is needed.
describe("pg-boss on PGlite through pgliteExecutor", () => {
  const pg = new PGlite("memory://");
  afterAll(async () => {
    await pg.close();
  });

  it("runs a multi-command statement without parameters (which PGlite's query refuses) and answers its last rows", async () => {
    const multi = "create temporary table t (n int); insert into t values (1), (2); select count(*)::int as n from t";
    await expect(pg.query(multi)).rejects.toThrow(/multiple commands/);
    expect((await pgliteExecutor(pg).executeSql(multi)).rows).toEqual([{ n: 2 }]);
    expect((await pgliteExecutor(pg).executeSql("select $1::int + 1 as n", [41])).rows).toEqual([{ n: 42 }]);
  });

  it("starts pg-boss, and sends, fetches and completes a job", async () => {
    const boss = new PgBoss({
      db: pgliteExecutor(pg),
      schema: "pgboss_executor_test",
      supervise: false,
      schedule: false,
    });
    boss.on("error", () => {});
    await boss.start();
    try {
      await boss.createQueue("executor-test");
      const id = await boss.send("executor-test", { hello: "world" });
      const [job] = await boss.fetch<{ hello: string }>("executor-test");
      expect(job).toMatchObject({ id, data: { hello: "world" } });
      await boss.complete("executor-test", job.id);
      expect(await boss.getJobById("executor-test", job.id)).toMatchObject({ state: "completed" });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);
});
