// `npm run bench [-- options]`: the gateway against its peers, then every operation on its own.
//
//   --peers-only | --no-peers     only the peer comparison | only the per-operation benchmark
//   --warmup 3 --duration 8       seconds of warm-up and of measurement of every load (whole seconds)
//   --rounds 2                    A/B rounds of the peer comparison
//   --connections 16 --threads 1  load generator concurrency (wrk -t1: the gateway keeps a core)
//   --overhead-samples 1000 --overhead-warmup 200   sequential requests for the overhead bar
//   --samples 200                 sequential Server-Timing samples per operation and mode
//   --modes uncached,cached --operations ChannelFeed,ArticlePage --no-plans   per-operation part
//   --profile [--profile-duration 8]   CPU profile of the gateway during an uncached load
//   --load-generator wrk|autocannon    default: wrk when installed
//   --tsx                         run the gateway through tsx instead of an esbuild bundle
//
// The gateway runs as `npm start` runs it (src/node.ts), in a child process, against DATABASE_URL
// (or an embedded PGlite with the normal seed); PostGraphile and the bare server run as child
// processes too (bench/peers/). The peer comparison (bench/comparison.ts) checks three bars and
// prints PASS/FAIL; failing a bar is a result, not an error: the exit code is non-zero only when
// something could not run. Results accumulate in bench/results.json (keyed by database and article
// count); bench/RESULTS.md is regenerated from all of it (bench/report.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openNodeSource } from '../src/db/node-source';
import { relations } from '../src/modules';
import { type ComparisonResult, runComparison } from './comparison';
import { type GatewayDatabase, prepareLaunches, startGateway } from './gateway';
import { problemWith, send } from './http';
import { chooseGenerator, runLoad, wrkVersion } from './load';
import { REPO_ROOT } from './operation-files';
import { benchOperations, schemaOperation } from './operations';
import { MODES, runPerOperation } from './per-operation';
import { capturePlans, type PlanSummary, sizeLabel } from './plans';
import { type ProfileSummary, summariseProfile } from './profile';
import {
  type BarCheck,
  medianRps,
  type OperationResult,
  type PeersEntry,
  profileSection,
  type RunEntry,
  readResults,
  writeResults,
} from './report';
import { UNCACHED_HEADERS } from './server';

const { values: flags } = parseArgs({
  options: {
    connections: { type: 'string', default: '16' },
    threads: { type: 'string', default: '1' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    samples: { type: 'string', default: '200' },
    'overhead-samples': { type: 'string', default: '1000' },
    'overhead-warmup': { type: 'string', default: '200' },
    modes: { type: 'string', default: 'uncached,cached' },
    operations: { type: 'string' },
    'no-plans': { type: 'boolean', default: false },
    'peers-only': { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-duration': { type: 'string' },
    'load-generator': { type: 'string' },
    tsx: { type: 'boolean', default: false },
  },
});

function whole(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min}; got ${value}`);
    process.exit(2);
  }
  return n;
}

const settings = {
  connections: whole('connections', flags.connections, 1),
  threads: whole('threads', flags.threads, 1),
  duration: whole('duration', flags.duration, 1),
  warmup: whole('warmup', flags.warmup, 0),
  rounds: whole('rounds', flags.rounds, 1),
  samples: whole('samples', flags.samples, 1),
  overheadSamples: whole('overhead-samples', flags['overhead-samples'], 1),
  overheadWarmup: whole('overhead-warmup', flags['overhead-warmup'], 0),
};
const profileDuration = whole('profile-duration', flags['profile-duration'] ?? String(settings.duration), 1);
if (flags['peers-only'] && flags['no-peers']) {
  console.error('--peers-only and --no-peers exclude each other');
  process.exit(2);
}
const runPeers = !flags['no-peers'];
const runOperations = !flags['peers-only'];
const modes = (flags.modes ?? '').split(',').map((name) => {
  const mode = MODES.find((m) => m.name === name.trim());
  if (!mode) {
    console.error(`unknown mode ${name}; known: ${MODES.map((m) => m.name).join(', ')}`);
    process.exit(2);
  }
  return mode;
});
const operations = benchOperations(flags.operations?.split(',').filter(Boolean));

function packageVersion(name: string, root = REPO_ROOT): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

/** The commit measured, and whether src/ differed from it (others edit it while benchmarks run). */
function sourceVersion(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD');
  if (!commit) return '?';
  return git('status', '--porcelain', '--', 'src', 'schema', 'drizzle') ? `${commit} + uncommitted changes` : commit;
}
const measuredSource = sourceVersion();

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const hrtimeUs = () => Number(process.hrtime.bigint() / 1000n);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** This run's command line, as recorded with its results. */
function benchCommandLine(): string {
  const env = databaseUrl ? `DATABASE_URL=${redact(databaseUrl)} ` : '';
  return `${env}npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
}

interface Stats {
  articles: number;
  published: number;
  version: string;
}

/** Articles in the database and its server version (opens, migrates and closes a source here). */
async function databaseStats(env: NodeJS.ProcessEnv): Promise<Stats> {
  const source = await openNodeSource(relations, env);
  try {
    const counted = (await source.admin.execute(
      sql`SELECT count(*)::int AS articles, (count(*) FILTER (WHERE status = 'published'))::int AS published,
          current_setting('server_version') AS version FROM articles`,
    )) as unknown as { rows: Stats[] };
    return counted.rows[0] ?? { articles: 0, published: 0, version: '?' };
  } finally {
    await source.close();
  }
}

const loadBefore = os.loadavg();
const generator = chooseGenerator(flags['load-generator']);
const loadGenerator =
  generator === 'wrk'
    ? `${wrkVersion()}, -t${settings.threads}`
    : `autocannon ${packageVersion('autocannon')} (wrk not installed)`;
const databaseUrl = process.env.DATABASE_URL || null;
const pgliteDir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'bench-pglite-'));
const database: GatewayDatabase = databaseUrl ? { databaseUrl } : { pgliteDir: pgliteDir as string };
if (!databaseUrl) {
  console.error('No DATABASE_URL: benchmarking an embedded PGlite with the normal seed (seeded by the gateway).');
}
let stats: Stats | null = databaseUrl ? await databaseStats({ DATABASE_URL: databaseUrl }) : null;
const launches = prepareLaunches(flags.tsx);

let comparison: ComparisonResult | null = null;
let comparisonLoad: { before: number[]; after: number[] } | null = null;
let results: OperationResult[] = [];
let profile: ProfileSummary | null = null;
/** Parts that could not run: the others are still recorded, and the exit code says so. */
const failures: string[] = [];
function failed(part: string, error: unknown) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`${part} failed: ${message}`);
  failures.push(`${part}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
}
const gateway = await startGateway(launches.gateway, database);
console.error(
  `gateway on ${gateway.url} (pid ${gateway.pid}, ${launches.how}); load: ${loadGenerator}, ${settings.connections} connections, ` +
    `${settings.warmup}+${settings.duration} s per load`,
);
try {
  if (runPeers) {
    try {
      const before = os.loadavg();
      comparison = await runComparison({ gateway, databaseUrl, bare: launches.bare, generator, settings });
      comparisonLoad = { before, after: os.loadavg() };
    } catch (error) {
      failed('peer comparison', error);
    }
  }
  if (runOperations) {
    console.error(
      `per operation: ${operations.length} operations × ${modes.map((m) => m.name).join(', ')}; ${settings.samples} sequential samples each`,
    );
    try {
      results = await runPerOperation(gateway.url, operations, modes, generator, { ...settings });
    } catch (error) {
      failed('per-operation benchmark', error);
    }
  }
} finally {
  await gateway.close();
}

async function profileGateway(): Promise<ProfileSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cpuprof-'));
  const op = schemaOperation('ArticlePage');
  const flagsUsed = ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '500'];
  const child = await startGateway(launches.gateway, database, flagsUsed);
  let window = { fromUs: 0, toUs: 0 };
  let rps = 0;
  try {
    const request = {
      url: child.url,
      method: 'POST' as const,
      headers: UNCACHED_HEADERS,
      body: JSON.stringify({ query: op.document, variables: op.variables }),
    };
    const problem = problemWith(await send(request));
    if (problem) throw new Error(`profile: ArticlePage: ${problem}`);
    const load = { connections: settings.connections, threads: settings.threads, duration: profileDuration };
    if (settings.warmup > 0) await runLoad(generator, request, { ...load, duration: settings.warmup });
    console.error(`profile: ${profileDuration} s of uncached ArticlePage under --cpu-prof (pid ${child.pid})`);
    const fromUs = hrtimeUs();
    rps = (await runLoad(generator, request, load)).rps;
    window = { fromUs, toUs: hrtimeUs() };
  } finally {
    await child.close();
  }
  const summary: ProfileSummary = {
    date: new Date().toISOString(),
    what: `${profileDuration} s of uncached ArticlePage (${loadGenerator}, ${settings.connections} connections)`,
    commands: [
      `node --cpu-prof --cpu-prof-dir <dir> --cpu-prof-interval 500 ${launches.gateway.args.map((a) => (a.startsWith('/') ? relative(REPO_ROOT, a) : a)).join(' ')}`,
      benchCommandLine(),
    ],
    rps,
    ...summariseProfile(dir, window, launches.bundle),
  };
  rmSync(dir, { recursive: true, force: true });
  return summary;
}
if (flags.profile) {
  try {
    profile = await profileGateway();
  } catch (error) {
    failed('profile', error);
  }
}

stats ??= await databaseStats({ PGLITE_DIR: pgliteDir ?? undefined });
if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
const label = sizeLabel(stats.articles);
const kind = databaseUrl ? ('postgres' as const) : ('pglite' as const);
const key = `${kind}:${stats.articles}`;
let plans: PlanSummary[] = [];
if (runOperations && results.length && databaseUrl && !flags['no-plans']) {
  try {
    plans = await capturePlans(databaseUrl, operations, label);
  } catch (error) {
    failed('EXPLAIN plans', error);
  }
}

const machine = {
  cpu: os.cpus()[0]?.model ?? '?',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
};
const versions: Record<string, string> = {
  'gateway source': measuredSource,
  node: process.version,
  [kind === 'postgres' ? 'PostgreSQL' : 'PGlite']:
    kind === 'postgres' ? stats.version : packageVersion('@electric-sql/pglite'),
  ...Object.fromEntries(
    [
      'graphql-yoga',
      'graphql',
      '@pothos/core',
      '@pothos/plugin-drizzle',
      'drizzle-orm',
      kind === 'postgres' ? 'pg' : '@electric-sql/pglite',
    ].map((name) => [name, packageVersion(name)]),
  ),
  'load generator': loadGenerator,
};
const setup =
  kind === 'postgres' && databaseUrl
    ? [
        'createdb -h 127.0.0.1 -U postgres <db>',
        `DATABASE_URL=${redact(databaseUrl)} npm run db:migrate`,
        `DATABASE_URL=${redact(databaseUrl)} npm run seed:bulk -- --articles ${stats.articles - 1}`,
      ]
    : [];
const benchCommand = benchCommandLine();
const gatewayHow = `${launches.how}, child process`;

const all = readResults();
/** A run replaces the previous one of the same database and size class (e.g. 10k), whatever its exact count. */
function supersede<T extends { database: string; label: string; date: string }>(
  entries: Record<string, T>,
  what: string,
) {
  for (const [other, entry] of Object.entries(entries)) {
    if (other !== key && entry.database === kind && entry.label === label) {
      console.error(`replacing the ${what} recorded as ${other} on ${entry.date} (same size class, ${label})`);
      delete entries[other];
    }
  }
}
if (runOperations && results.length) {
  supersede(all.runs, 'per-operation run');
  const entry: RunEntry = {
    key,
    label,
    database: kind,
    articles: stats.articles,
    published: stats.published,
    date: new Date().toISOString(),
    machine,
    load: { before: loadBefore, after: os.loadavg() },
    versions,
    settings: {
      connections: settings.connections,
      duration: settings.duration,
      warmup: settings.warmup,
      samples: settings.samples,
      loadGenerator,
      gateway: gatewayHow,
    },
    commands: [...setup, benchCommand],
    results,
    plans,
  };
  all.runs[key] = entry;
}
const previousPeers =
  all.peers?.[key] ?? Object.values(all.peers ?? {}).find((p) => p.database === kind && p.label === label);
if (comparison && all.peers) supersede(all.peers, 'peer comparison');
if (comparison && comparisonLoad) {
  const entry: PeersEntry = {
    key,
    label,
    database: kind,
    articles: stats.articles,
    date: new Date().toISOString(),
    machine,
    load: comparisonLoad,
    versions: {
      ...versions,
      ...(databaseUrl && {
        postgraphile: packageVersion('postgraphile', join(REPO_ROOT, 'bench', 'peers', 'postgraphile')),
        'graphql (PostGraphile)': packageVersion('graphql', join(REPO_ROOT, 'bench', 'peers', 'postgraphile')),
      }),
    },
    settings: { ...settings, loadGenerator, gateway: gatewayHow },
    commands: [...setup, benchCommand],
    ...comparison,
  };
  const kept = profile ?? previousPeers?.profile;
  if (kept) entry.profile = kept;
  all.peers = { ...all.peers, [key]: entry };
} else if (profile) {
  if (previousPeers) all.peers = { ...all.peers, [previousPeers.key]: { ...previousPeers, profile } };
  else console.error('profile: no peer comparison recorded for this database yet; the profile is only printed.');
}
writeResults(all);

// What to read at the end of a run, on stdout.
const out: string[] = [];
if (comparison && comparisonLoad) {
  const c = comparison;
  out.push(
    '',
    `Peers: ${label} articles (${kind}), ${loadGenerator}, ${settings.connections} connections, ` +
      `${settings.rounds} rounds of ${settings.warmup}+${settings.duration} s, alternating`,
  );
  const opsMeasured = [...new Set(c.measurements.map((m) => m.operation))];
  for (const operation of opsMeasured) {
    for (const t of c.targets) {
      const rounds = c.measurements.filter((m) => m.operation === operation && m.target === t.id);
      if (!rounds.length) continue;
      out.push(
        `  ${operation.padEnd(12)} ${t.label.padEnd(42)} ${fmt(medianRps(c, t.id, operation)).padStart(7)} req/s` +
          `  (rounds ${rounds.map((m) => fmt(m.load.rps)).join(', ')})`,
      );
    }
  }
  out.push('', 'Bars:');
  const shown = (b: BarCheck) => (b.unit === '×' ? `${b.value.toFixed(2)}×` : `${b.value.toFixed(2)} ms`);
  for (const b of c.checks) {
    const bar =
      b.bar === undefined
        ? 'context'
        : `bar ${b.comparison} ${b.bar}${b.unit === '×' ? '×' : ' ms'}${b.aim === undefined ? '' : `, aim ${b.aim}×`}`;
    const result = b.pass === undefined ? '' : b.pass ? 'PASS' : 'FAIL';
    out.push(`  ${result.padEnd(4)}  ${b.name.padEnd(62)} ${shown(b).padStart(9)}  (${bar})`);
  }
  out.push(
    '',
    `Overhead (sequential, one connection): ${c.overhead
      .map(
        (o) =>
          `${o.operation} ${o.mode} p50 ${o.p50.toFixed(2)} ms (db ${o.dbP50.toFixed(2)}, total ${o.totalP50.toFixed(2)})`,
      )
      .join('; ')}`,
  );
  out.push(
    `Load average (1/5/15 min): before ${loads(comparisonLoad.before)}, after ${loads(comparisonLoad.after)}` +
      ` (whole run: before ${loads(loadBefore)}, after ${loads(os.loadavg())})`,
  );
  for (const note of c.notes) out.push(`Note: ${note}`);
}
if (profile) out.push('', profileSection(profile));
if (runOperations && results.length) {
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
  out.push(
    '',
    `Per operation: ${label} articles (${kind}), ${settings.connections} connections, ${settings.duration} s`,
  );
  out.push(format(header));
  for (const row of rows) out.push(format(row));
}
out.push(
  '',
  `wrote bench/results.json (${key}) and bench/RESULTS.md${plans.length ? ', bench/plans/' : ''}; ` +
    `load average before ${loads(loadBefore)}, after ${loads(os.loadavg())}`,
);
if (failures.length) out.push('', `Could not run: ${failures.join('; ')}`);
console.log(out.join('\n'));
if (failures.length) process.exitCode = 1;
