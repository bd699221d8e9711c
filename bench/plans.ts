// EXPLAIN (ANALYZE, BUFFERS) of exactly the SQL each operation sends, captured from the driver.
// Used by bench/run.ts against DATABASE_URL; runnable alone: `tsx bench/plans.ts [--label 1m]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { MemoryStore } from '../src/cache/memory-store';
import type { Database, DatabaseSource } from '../src/db/database';
import { DatabaseHealth } from '../src/db/health';
import { DEFAULT_DB_TIMEOUT_MS, meteredClient, type StatementPolicy } from '../src/db/statement';
import { createGateway } from '../src/gateway/gateway';
import { createNodeServer } from '../src/gateway/node-server';
import { relations } from '../src/modules';
import { type BenchOperation, benchOperations } from './operations';
import { BENCH_EDITOR_TOKEN, listen, UNCACHED_HEADERS } from './server';

export const PLANS_DIR = fileURLToPath(new URL('./plans', import.meta.url));

interface Statement {
  text: string;
  params: unknown[];
}

export interface PlanSummary {
  operation: string;
  file: string;
  statements: number;
  /** Sum of `Execution Time` over the operation's statements, warm, with EXPLAIN ANALYZE overhead. */
  executionMs: number;
  /** Relations read by a sequential scan, e.g. `articles`. */
  seqScans: string[];
  /** Shared buffers hit + read over the operation's statements. */
  buffers: number;
}

/**
 * A source whose every statement is recorded with its parameters, to be explained afterwards. Each
 * request's statements still go through its meter (src/db/statement.ts), as on the real sources.
 */
function capturingSource(pool: pg.Pool, log: Statement[]): DatabaseSource {
  const capturing = new Proxy(pool, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'query' || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (config: string | { text: string; values?: unknown[] }, params?: unknown[]) => {
        const text = typeof config === 'string' ? config : config.text;
        const values = params ?? (typeof config === 'string' ? undefined : config.values) ?? [];
        log.push({ text, params: values });
        return value.call(target, config, params);
      };
    },
  });
  const connect = (client: pg.Pool) => drizzle({ client, relations }) as unknown as Database;
  const policy: StatementPolicy = { timeoutMs: DEFAULT_DB_TIMEOUT_MS, health: new DatabaseHealth() };
  return {
    kind: 'postgres',
    health: policy.health,
    admin: connect(pool),
    session(meter) {
      const db = connect(meteredClient(capturing, meter, policy));
      return { db, writer: () => db };
    },
    close: async () => {},
  };
}

const seqScanPattern = /Seq Scan on (\w+)/g;

/** Runs each operation once through the gateway and writes `bench/plans/<Operation>.<label>.txt`. */
export async function capturePlans(
  connectionString: string,
  operations: readonly BenchOperation[],
  label: string,
): Promise<PlanSummary[]> {
  mkdirSync(PLANS_DIR, { recursive: true });
  const pool = new pg.Pool({ connectionString, max: 2 });
  const log: Statement[] = [];
  const server = await listen(
    createNodeServer(
      createGateway({
        source: capturingSource(pool, log),
        store: new MemoryStore(0),
        editorToken: BENCH_EDITOR_TOKEN,
        secrets: { COMMENT_SECRET: 'bench-comment-secret' },
      }),
    ),
  );
  const summaries: PlanSummary[] = [];
  try {
    for (const op of operations) {
      log.length = 0;
      const response = await fetch(server.url, {
        method: 'POST',
        headers: UNCACHED_HEADERS,
        body: JSON.stringify({ query: op.document, variables: op.variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`${op.name}: ${JSON.stringify(body.errors)}`);

      const sections: string[] = [];
      let executionMs = 0;
      let buffers = 0;
      const seqScans = new Set<string>();
      for (const [i, statement] of log.entries()) {
        const explain = `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`;
        await pool.query(explain, statement.params); // warm the cache: the benchmark measures warm reads
        const { rows } = await pool.query<{ 'QUERY PLAN': string }>(explain, statement.params);
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        executionMs += Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        const top = /Buffers: shared (?:hit=(\d+))?\s*(?:read=(\d+))?/.exec(plan);
        buffers += Number(top?.[1] ?? 0) + Number(top?.[2] ?? 0);
        for (const match of plan.matchAll(seqScanPattern)) seqScans.add(match[1] as string);
        sections.push(
          [
            `-- statement ${i + 1} of ${log.length}`,
            `-- parameters: ${JSON.stringify(statement.params)}`,
            statement.text,
            '',
            plan,
          ].join('\n'),
        );
      }
      const file = `${op.name}.${label}.txt`;
      const header = [
        `# ${op.name} at ${label}: EXPLAIN (ANALYZE, BUFFERS), second run (warm)`,
        `# variables: ${JSON.stringify(op.variables)}`,
        `# captured ${new Date().toISOString()}`,
        '',
      ].join('\n');
      writeFileSync(join(PLANS_DIR, file), `${header}${sections.join('\n\n')}\n`);
      summaries.push({
        operation: op.name,
        file: `plans/${file}`,
        statements: log.length,
        executionMs,
        seqScans: [...seqScans],
        buffers,
      });
    }
  } finally {
    await server.close();
    await pool.end();
  }
  return summaries;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { label: { type: 'string' }, operations: { type: 'string' } },
  });
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL: plans are captured from a real Postgres.');
    process.exit(1);
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM articles');
  await pool.end();
  const label = values.label ?? sizeLabel(Number(rows[0]?.count ?? 0));
  const only = values.operations?.split(',').filter(Boolean);
  for (const s of await capturePlans(url, benchOperations(only), label)) {
    console.log(
      `${s.operation.padEnd(12)} ${s.executionMs.toFixed(2).padStart(8)} ms  ${String(s.buffers).padStart(6)} buffers  ` +
        `seq scans: ${s.seqScans.join(', ') || 'none'}  ${s.file}`,
    );
  }
}

/** 10001 → `10k`, 1000001 → `1m`: the seed article rides along with the generated ones. */
export function sizeLabel(articles: number): string {
  if (articles >= 1_000_000) return `${Math.floor(articles / 1_000_000)}m`;
  if (articles >= 1_000) return `${Math.floor(articles / 1_000)}k`;
  return String(articles);
}
