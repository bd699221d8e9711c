// `npm run bench [-- --connections 16 --duration 10 --warmup 3 --samples 200 --modes uncached,cached
//   --operations ChannelFeed,ArticlePage --no-plans]`
//
// Starts the gateway on Node in this process (createNodeServer on a free port) against DATABASE_URL,
// or else an embedded PGlite with the normal seed. For each read operation of schema/operations/
// (plus the feed variants of bench/operations/) and each mode: checks the answer, samples
// Server-Timing over sequential requests (statements, db time, total), then loads it with autocannon
// in a child process. Against Postgres it also captures EXPLAIN (ANALYZE, BUFFERS) plans.
// Results accumulate in bench/results.json (keyed by database and article count); bench/RESULTS.md
// is regenerated from all of them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openNodeSource } from '../src/db/node-source';
import { createNodeServer } from '../src/http/node-server';
import { seed } from '../src/seed/run';
import { type LoadRequest, type LoadResult, summarise } from './load';
import { type BenchOperation, benchOperations } from './operations';
import { capturePlans, sizeLabel } from './plans';
import { type OperationResult, type RunEntry, readResults, writeResults } from './report';
import { ANONYMOUS_HEADERS, listen, UNCACHED_HEADERS } from './server';

const { values: flags } = parseArgs({
  options: {
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    samples: { type: 'string', default: '200' },
    modes: { type: 'string', default: 'uncached,cached' },
    operations: { type: 'string' },
    'no-plans': { type: 'boolean', default: false },
  },
});
const settings = {
  connections: Number(flags.connections),
  duration: Number(flags.duration),
  warmup: Number(flags.warmup),
  samples: Number(flags.samples),
};
for (const [name, value] of Object.entries(settings)) {
  if (!Number.isFinite(value) || value < (name === 'warmup' ? 0 : 1)) {
    console.error(`--${name} must be a positive number; got ${value}`);
    process.exit(2);
  }
}

interface BenchRequest {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

interface Sample {
  status: number;
  ms: number;
  serverTiming: string | null;
  xCache: string | null;
  body: string;
}

/**
 * A way of sending the operations. Adding one is a few lines: how to build its request, and how to
 * tell from two primed responses whether it can be measured here (else it is reported as pending).
 */
interface Mode {
  name: string;
  description: string;
  request(op: BenchOperation): BenchRequest;
  notReady(first: Sample, second: Sample): string | null;
}

const post = (headers: Record<string, string>) => (op: BenchOperation) => ({
  method: 'POST' as const,
  headers,
  body: JSON.stringify({ query: op.document, variables: op.variables }),
});

const MODES: Mode[] = [
  {
    name: 'uncached',
    description: 'every request runs its SQL (credentials bypass the edge cache)',
    request: post(UNCACHED_HEADERS),
    notReady: (_first, second) =>
      second.xCache === 'HIT' ? 'the edge cache answered a request with credentials' : null,
  },
  {
    name: 'cached',
    description: 'anonymous requests, answered by the edge cache once primed',
    request: post(ANONYMOUS_HEADERS),
    notReady: (_first, second) =>
      second.xCache === 'HIT'
        ? null
        : `pending: no edge cache hit (x-cache: ${second.xCache ?? 'absent'}); cached numbers come once the edge cache serves the Node server`,
  },
];

const modes = (flags.modes ?? '').split(',').map((name) => {
  const mode = MODES.find((m) => m.name === name.trim());
  if (!mode) {
    console.error(`unknown mode ${name}; known: ${MODES.map((m) => m.name).join(', ')}`);
    process.exit(2);
  }
  return mode;
});
const operations = benchOperations(flags.operations?.split(',').filter(Boolean));

function timing(header: string | null) {
  const db = header && /db;dur=([\d.]+);desc="(\d+) statements?"/.exec(header);
  const total = header && /total;dur=([\d.]+)/.exec(header);
  return {
    dbMs: db ? Number(db[1]) : Number.NaN,
    statements: db ? Number(db[2]) : Number.NaN,
    totalMs: total ? Number(total[1]) : Number.NaN,
  };
}

async function send(url: string, request: BenchRequest): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(url, request);
  const body = await response.text();
  return {
    status: response.status,
    ms: performance.now() - started,
    serverTiming: response.headers.get('server-timing'),
    xCache: response.headers.get('x-cache'),
    body,
  };
}

function problemWith(sample: Sample): string | null {
  if (sample.status !== 200) return `HTTP ${sample.status}: ${sample.body.split('\n')[0]?.slice(0, 200)}`;
  const parsed = JSON.parse(sample.body) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (parsed.errors) return `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
  if (!parsed.data || Object.values(parsed.data).some((v) => v === null)) return 'no data';
  return null;
}

const LOAD_SCRIPT = fileURLToPath(new URL('./load.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** autocannon in its own process, so it does not compete with the gateway for this event loop. */
function load(url: string, request: BenchRequest, duration: number): Promise<LoadResult> {
  const input: LoadRequest = { url, ...request, connections: settings.connections, duration };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD_SCRIPT, JSON.stringify(input)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

const loadBefore = os.loadavg();
const source = await openNodeSource();
if (source.kind === 'pglite') {
  console.error('No DATABASE_URL: benchmarking an embedded PGlite with the normal seed (360 articles).');
  await seed(source.admin);
}
const counted = (await source.admin.execute(
  sql`SELECT count(*)::int AS articles, (count(*) FILTER (WHERE status = 'published'))::int AS published,
      current_setting('server_version') AS version FROM articles`,
)) as unknown as { rows: { articles: number; published: number; version: string }[] };
const stats = counted.rows[0] ?? { articles: 0, published: 0, version: '?' };
const label = sizeLabel(stats.articles);
const server = await listen(createNodeServer(source));
console.error(
  `gateway on ${server.url} (${source.kind}, ${stats.articles.toLocaleString('en-US')} articles); ` +
    `${operations.length} operations × ${modes.map((m) => m.name).join(', ')}; ` +
    `${settings.connections} connections, ${settings.warmup}+${settings.duration} s each`,
);

const results: OperationResult[] = [];
try {
  for (const op of operations) {
    for (const mode of modes) {
      const request = mode.request(op);
      const base = { operation: op.name, origin: op.origin, mode: mode.name };
      const first = await send(server.url, request);
      const second = await send(server.url, request);
      const problem = problemWith(first) ?? problemWith(second);
      if (problem) {
        console.error(`${op.name} (${mode.name}): ${problem}`);
        results.push({ ...base, status: 'failed', note: problem });
        continue;
      }
      const notReady = mode.notReady(first, second);
      if (notReady) {
        console.error(`${op.name} (${mode.name}): ${notReady}`);
        results.push({ ...base, status: 'pending', note: notReady });
        continue;
      }
      const samples: Sample[] = [];
      for (let i = 0; i < settings.samples; i += 1) samples.push(await send(server.url, request));
      const timings = samples.map((s) => timing(s.serverTiming));
      const dbMs = mean(timings.map((t) => t.dbMs));
      const totalMs = mean(timings.map((t) => t.totalMs));
      const sequential = {
        samples: samples.length,
        statements: Math.max(...timings.map((t) => t.statements)),
        budget: op.budget,
        dbMs,
        totalMs,
        overheadMs: totalMs - dbMs,
        roundTripP50Ms: summarise(samples.map((s) => s.ms)).p50,
        xCache: [...new Set(samples.map((s) => s.xCache).filter((x): x is string => x !== null))],
      };
      if (settings.warmup > 0) await load(server.url, request, settings.warmup);
      const measured = await load(server.url, request, settings.duration);
      results.push({ ...base, status: 'ok', sequential, load: measured });
      console.error(
        `${op.name.padEnd(12)} ${mode.name.padEnd(9)} ${Math.round(measured.rps).toString().padStart(6)} req/s  ` +
          `p50 ${measured.latency.p50.toFixed(1)}  p95 ${measured.latency.p95.toFixed(1)}  p99 ${measured.latency.p99.toFixed(1)} ms  ` +
          `${sequential.statements} stmt  db ${dbMs.toFixed(2)}  total ${totalMs.toFixed(2)} ms`,
      );
    }
  }
} finally {
  await server.close();
}

const url = process.env.DATABASE_URL;
const plans = url && !flags['no-plans'] && source.kind === 'postgres' ? await capturePlans(url, operations, label) : [];
await source.close();

const database = source.kind;
const key = `${database}:${stats.articles}`;
const flagsUsed = `--connections ${settings.connections} --duration ${settings.duration} --warmup ${settings.warmup} --samples ${settings.samples}`;
const commands =
  database === 'postgres' && url
    ? [
        `createdb -h 127.0.0.1 -U postgres <db>`,
        `DATABASE_URL=${redact(url)} npm run db:migrate`,
        `DATABASE_URL=${redact(url)} npm run seed:bulk -- --articles ${stats.articles - 1}`,
        `DATABASE_URL=${redact(url)} npm run bench -- ${flagsUsed}`,
      ]
    : [`npm run bench -- ${flagsUsed}`];
const entry: RunEntry = {
  key,
  label,
  database,
  articles: stats.articles,
  published: stats.published,
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
  },
  load: { before: loadBefore, after: os.loadavg() },
  versions: {
    node: process.version,
    [database === 'postgres' ? 'PostgreSQL' : 'PGlite']:
      database === 'postgres' ? stats.version : packageVersion('@electric-sql/pglite'),
    ...Object.fromEntries(
      [
        'graphql-yoga',
        'graphql',
        '@pothos/core',
        '@pothos/plugin-drizzle',
        'drizzle-orm',
        database === 'postgres' ? 'pg' : '@electric-sql/pglite',
        'autocannon',
      ].map((name) => [name, packageVersion(name)]),
    ),
  },
  settings,
  commands,
  results,
  plans,
};
const all = readResults();
all.runs[key] = entry;
writeResults(all);

const rows = results.map((r) =>
  r.status === 'ok' && r.load && r.sequential
    ? [
        r.operation,
        r.mode,
        Math.round(r.load.rps).toString(),
        r.load.latency.p50.toFixed(1),
        r.load.latency.p95.toFixed(1),
        r.load.latency.p99.toFixed(1),
        `${r.sequential.statements}/${r.sequential.budget ?? '?'}`,
        r.sequential.dbMs.toFixed(2),
        r.sequential.totalMs.toFixed(2),
        r.sequential.overheadMs.toFixed(2),
      ]
    : [r.operation, r.mode, r.status, r.note ?? ''],
);
const header = ['operation', 'mode', 'req/s', 'p50', 'p95', 'p99', 'SQL', 'db ms', 'total ms', 'overhead'];
const full = rows.filter((r) => r.length === header.length);
const widths = header.map((h, i) => Math.max(h.length, ...full.map((r) => r[i]?.length ?? 0)));
const format = (cells: string[]) =>
  cells.length === header.length ? cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ') : cells.join('  ');
console.log(`\n${label} articles (${database}), ${settings.connections} connections, ${settings.duration} s`);
console.log(format(header));
for (const row of rows) console.log(format(row));
if (results.some((r) => r.mode === 'cached' && r.status === 'pending')) {
  console.log('cached mode: pending (no edge cache hits yet); the uncached numbers are the database path.');
}
console.log(`\nwrote bench/results.json (${key}) and bench/RESULTS.md${plans.length ? ', bench/plans/' : ''}`);
