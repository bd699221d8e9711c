// bench/results.json accumulates runs (one per database and data size), the peer comparisons (one per
// database and data size) and the Worker budget; bench/RESULTS.md is regenerated from all of it, plus
// the hand-written bench/findings.md. scripts/check-bundle.ts writes the budget through this module.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load';
import type { PlanSummary } from './plans';
import type { ProfileSummary } from './profile';

export const RESULTS_JSON = fileURLToPath(new URL('./results.json', import.meta.url));
export const RESULTS_MD = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const FINDINGS_MD = fileURLToPath(new URL('./findings.md', import.meta.url));

export interface OperationResult {
  operation: string;
  origin: string;
  mode: string;
  /** `pending`: the mode cannot run yet (e.g. no edge cache); `note` says why. */
  status: 'ok' | 'pending' | 'failed';
  note?: string;
  load?: LoadResult;
  /** From Server-Timing over `samples` sequential requests. */
  sequential?: {
    samples: number;
    statements: number;
    budget: number | null;
    dbMs: number;
    totalMs: number;
    overheadMs: number;
    /** Client-side round trip, p50, sequential (no concurrency). */
    roundTripP50Ms: number;
    /** Values of the x-cache header seen, if any (edge cache). */
    xCache: string[];
  };
}

export interface RunEntry {
  key: string;
  label: string;
  database: 'postgres' | 'pglite';
  articles: number;
  published: number;
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string };
  /** 1, 5 and 15 minute load averages: other work on the machine skews the numbers. */
  load: { before: number[]; after: number[] };
  versions: Record<string, string>;
  settings: {
    connections: number;
    duration: number;
    warmup: number;
    samples: number;
    /** e.g. `wrk debian/4.1.0-3+b2 [epoll], -t1`; absent in runs made with autocannon only. */
    loadGenerator?: string;
    /** How the gateway ran (absent: in the benchmark's own process). */
    gateway?: string;
  };
  commands: string[];
  results: OperationResult[];
  plans: PlanSummary[];
}

/** One load of one server for one operation, in one round of the A/B alternation. */
export interface PeerMeasurement {
  /** Target id: `gateway`, `postgraphile`, `postgraphile-unprepared`, `hit-post`, `bare-post`, `hit-get`, `bare-get`. */
  target: string;
  operation: string;
  round: number;
  load: LoadResult;
  /** os.loadavg() just before and just after the measured load. */
  loadavg: { before: number[]; after: number[] };
  /** For cache hits: `x-cache` of a request sent right after the load (should be HIT). */
  xCacheAfter?: string;
}

export interface PeerTarget {
  id: string;
  label: string;
  description: string;
}

/** A bar the gateway must clear (or, without `bar`, a number shown for context). */
export interface BarCheck {
  name: string;
  value: number;
  unit: '×' | 'ms';
  comparison: '≥' | '<';
  bar?: number;
  aim?: number;
  pass?: boolean;
  /** How the value was computed, with each round's numbers. */
  detail: string;
}

/** `total − db` of Server-Timing over sequential requests on one connection, after a warm-up. */
export interface OverheadResult {
  operation: string;
  mode: string;
  samples: number;
  statements: number;
  p50: number;
  p90: number;
  mean: number;
  dbP50: number;
  totalP50: number;
  roundTripP50: number;
}

export interface PeersEntry {
  key: string;
  label: string;
  database: 'postgres' | 'pglite';
  articles: number;
  date: string;
  machine: RunEntry['machine'];
  load: { before: number[]; after: number[] };
  versions: Record<string, string>;
  settings: {
    connections: number;
    threads: number;
    warmup: number;
    duration: number;
    rounds: number;
    overheadWarmup: number;
    overheadSamples: number;
    loadGenerator: string;
    gateway: string;
  };
  commands: string[];
  targets: PeerTarget[];
  measurements: PeerMeasurement[];
  checks: BarCheck[];
  overhead: OverheadResult[];
  /** Response body bytes of each target and operation. */
  responseBytes: { target: string; operation: string; bytes: number }[];
  notes: string[];
  profile?: ProfileSummary;
}

export interface BundleEntry {
  date: string;
  files: { file: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
  limitBytes: number;
  ok: boolean;
  schemaBuild: { runs: number[]; medianMs: number; what: string };
  workerStart?: { runs: number[]; medianMs: number; what: string };
  commands: string[];
}

export interface ResultsFile {
  runs: Record<string, RunEntry>;
  /** Peer comparisons by `<database>:<articles>`. */
  peers?: Record<string, PeersEntry>;
  bundle?: BundleEntry;
}

/** Everything in bench/results.json; whatever a caller does not touch is written back unchanged. */
export function readResults(): ResultsFile {
  if (!existsSync(RESULTS_JSON)) return { runs: {} };
  const parsed = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Partial<ResultsFile>;
  return {
    runs: parsed.runs ?? {},
    ...(parsed.peers && { peers: parsed.peers }),
    ...(parsed.bundle && { bundle: parsed.bundle }),
  };
}

export function writeResults(results: ResultsFile) {
  writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(RESULTS_MD, renderReport(results));
}

const num = new Intl.NumberFormat('en-US');
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function runSection(run: RunEntry): string {
  const out: string[] = [];
  out.push(`## ${run.label} articles (${run.database})`);
  out.push('');
  out.push(
    `- Data: ${num.format(run.articles)} articles (${num.format(run.published)} published), ${run.database === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}`,
  );
  out.push(`- Date: ${run.date}`);
  out.push(
    `- Machine: ${run.machine.cpu}, ${run.machine.cores} cores, ${run.machine.memoryGiB} GiB RAM, ${run.machine.os}; ` +
      `load average before ${run.load.before.map((l) => l.toFixed(2)).join(' / ')}, after ${run.load.after.map((l) => l.toFixed(2)).join(' / ')}`,
  );
  out.push(
    `- Versions: ${Object.entries(run.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
  );
  out.push(
    `- Load: ${run.settings.loadGenerator ?? 'autocannon'}, ${run.settings.connections} connections, ${run.settings.duration} s per operation after ${run.settings.warmup} s of warm-up; ` +
      `Server-Timing averaged over ${run.settings.samples} sequential requests`,
  );
  out.push(`- Gateway: ${run.settings.gateway ?? 'in the benchmark’s own process (createNodeServer)'}`);
  out.push(`- Reproduce:\n${run.commands.map((c) => `  - \`${c}\``).join('\n')}`);
  out.push('');
  const plans = new Map(run.plans.map((p) => [p.operation, p]));
  out.push(
    table(
      [
        'Operation',
        'Mode',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'SQL stmts (budget)',
        'db ms/req',
        'total ms/req',
        'gateway overhead ms',
        'plan',
      ],
      run.results.map((r) => {
        const plan = plans.get(r.operation);
        const planCell = plan && r.mode === 'uncached' ? `[${plan.file.replace('plans/', '')}](${plan.file})` : '';
        if (r.status !== 'ok' || !r.load || !r.sequential) {
          return [r.operation, r.mode, `${r.status}: ${r.note ?? ''}`, '', '', '', '', '', '', '', planCell];
        }
        const s = r.sequential;
        return [
          r.operation,
          r.mode,
          num.format(Math.round(r.load.rps)),
          ms(r.load.latency.p50),
          ms(r.load.latency.p95),
          ms(r.load.latency.p99),
          `${s.statements} (${s.budget ?? '?'})`,
          ms(s.dbMs),
          ms(s.totalMs),
          ms(s.overheadMs),
          planCell,
        ];
      }),
    ),
  );
  const failures = run.results.filter((r) => r.load && (r.load.non2xx > 0 || r.load.errors > 0));
  for (const r of failures) {
    out.push(
      '',
      `Note: ${r.operation} (${r.mode}) had ${r.load?.non2xx} non-2xx responses and ${r.load?.errors} errors.`,
    );
  }
  if (run.plans.length) {
    out.push('');
    out.push(
      table(
        ['Plan', 'statements', 'execution ms (EXPLAIN ANALYZE)', 'shared buffers', 'seq scans'],
        run.plans.map((p) => [
          `[${p.operation}](${p.file})`,
          String(p.statements),
          p.executionMs.toFixed(2),
          num.format(p.buffers),
          p.seqScans.join(', ') || 'none',
        ]),
      ),
    );
  }
  return out.join('\n');
}

/** Latency of each operation at every data size, against the smallest one measured. */
function scaleSection(runs: RunEntry[]): string {
  const postgres = runs.filter((r) => r.database === 'postgres').sort((a, b) => a.articles - b.articles);
  if (postgres.length < 2) return '';
  const base = postgres[0] as RunEntry;
  const ops = base.results.filter((r) => r.mode === 'uncached').map((r) => r.operation);
  const cell = (run: RunEntry, op: string) => run.results.find((r) => r.operation === op && r.mode === 'uncached');
  const rows = ops.map((op) => {
    const cells = [op];
    for (const run of postgres) {
      const r = cell(run, op);
      cells.push(r?.load ? `${ms(r.load.latency.p50)} / ${ms(r.load.latency.p99)}` : '–');
      cells.push(r?.sequential ? ms(r.sequential.dbMs) : '–');
    }
    const first = cell(base, op)?.load?.latency.p50;
    const last = cell(postgres[postgres.length - 1] as RunEntry, op)?.load?.latency.p50;
    cells.push(first && last ? `×${(last / first).toFixed(2)}` : '–');
    return cells;
  });
  const header = ['Operation'];
  for (const run of postgres) header.push(`${run.label}: p50 / p99 ms`, `${run.label}: db ms`);
  header.push(`p50 ${postgres[postgres.length - 1]?.label} ÷ ${base.label}`);
  return ['## Scale: latency under load by data size (PostgreSQL, uncached)', '', table(header, rows)].join('\n');
}

function bundleSection(bundle: BundleEntry | undefined): string {
  const out = ['## Worker budget'];
  if (!bundle) return [...out, '', 'Not measured yet: `npm run build && npm run bundle:check`.'].join('\n');
  out.push('');
  out.push(
    `Measured ${bundle.date} by \`${bundle.commands.join(' && ')}\`. Limit: ${kib(bundle.limitBytes)} gzipped ` +
      `(${bundle.ok ? 'within budget' : '**over budget**'}).`,
  );
  out.push('');
  out.push(
    table(
      ['Worker file', 'bytes', 'gzipped'],
      [
        ...bundle.files.map((f) => [f.file, num.format(f.bytes), kib(f.gzipBytes)]),
        ['**total**', num.format(bundle.files.reduce((s, f) => s + f.bytes, 0)), `**${kib(bundle.gzipBytes)}**`],
      ],
    ),
  );
  out.push('');
  out.push(
    `Schema build at start-up: median **${bundle.schemaBuild.medianMs.toFixed(0)} ms** over ${bundle.schemaBuild.runs.length} fresh ` +
      `processes (${bundle.schemaBuild.runs.map((r) => r.toFixed(0)).join(', ')} ms): ${bundle.schemaBuild.what}.`,
  );
  if (bundle.workerStart) {
    out.push('');
    out.push(
      `Worker script start-up: median **${bundle.workerStart.medianMs.toFixed(0)} ms** over ${bundle.workerStart.runs.length} runs ` +
        `(${bundle.workerStart.runs.map((r) => r.toFixed(0)).join(', ')} ms): ${bundle.workerStart.what}.`,
    );
  }
  return out.join('\n');
}

const loads = (values: number[]) => values.map((l) => l.toFixed(2)).join(' / ');
const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–');

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The median over rounds of a target's req/s for an operation (the mean of the two at 2 rounds). */
export function medianRps(entry: Pick<PeersEntry, 'measurements'>, target: string, operation: string): number {
  return median(
    entry.measurements.filter((m) => m.target === target && m.operation === operation).map((m) => m.load.rps),
  );
}

function checkValue(check: BarCheck): string {
  return check.unit === '×' ? `${check.value.toFixed(2)}×` : `${check.value.toFixed(2)} ms`;
}

function checkBar(check: BarCheck): string {
  if (check.bar === undefined) return 'context';
  const bar = check.unit === '×' ? `${check.bar}×` : `${check.bar} ms`;
  return `${check.comparison} ${bar}${check.aim === undefined ? '' : ` (aim ${check.unit === '×' ? `${check.aim}×` : `${check.aim} ms`})`}`;
}

function checkResult(check: BarCheck): string {
  if (check.pass === undefined) return '';
  return check.pass ? '**PASS**' : '**FAIL**';
}

/** The paragraph and tables of a CPU profile of the gateway under load. */
export function profileSection(profile: ProfileSummary): string {
  const total = profile.groups.reduce((sum, g) => sum + g.ms, 0);
  const idle = profile.groups.find((g) => g.name === 'idle')?.ms ?? 0;
  const busy = total - idle;
  const group = (name: string) => profile.groups.find((g) => g.name === name)?.ms ?? 0;
  const top = (prefix: string, n: number) =>
    profile.categories
      .filter((c) => c.name.startsWith(prefix))
      .slice(0, n)
      .map((c) => `${c.name.slice(prefix.length)} ${pct(c.ms, busy)}`)
      .join(', ');
  const out = ['### Where the time goes', ''];
  out.push(
    `CPU profile of the gateway process (\`node --cpu-prof\`, ${profile.date}) during ${profile.what} ` +
      `(${num.format(Math.round(profile.rps))} req/s under the profiler); ${num.format(profile.samples)} samples over ` +
      `${(profile.windowMs / 1000).toFixed(1)} s${profile.windowed ? ' of the measured window' : ' (the whole process: the window could not be cut out)'}. ` +
      `The process was idle ${pct(idle, total)} of the time. Of its busy time: ` +
      `libraries (node_modules) **${pct(group('node_modules'), busy)}** (${top('node_modules/', 6)}), ` +
      `our code **${pct(group('app (our code)'), busy)}** (${top('app: ', 4)}), ` +
      `Node.js internals **${pct(group('Node.js internals'), busy)}** (${top('node: ', 4)}), ` +
      `native code (V8 builtins such as JSON, Node's C++ bindings such as the socket \`writev\`, and \`(program)\`) ${pct(group('V8 / native'), busy)}, garbage collection **${pct(group('GC'), busy)}**.`,
  );
  out.push('');
  out.push(
    table(
      ['Self time by package or area', 'ms', 'share of busy time'],
      profile.categories
        .filter((c) => c.name !== 'idle')
        .slice(0, 14)
        .map((c) => [c.name, c.ms.toFixed(0), pct(c.ms, busy)]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['Heaviest functions (self time)', 'where', 'ms', 'share of busy time'],
      profile.functions.slice(0, 10).map((f) => [`\`${f.name}\``, f.where, f.ms.toFixed(0), pct(f.ms, busy)]),
    ),
  );
  out.push('', `Profiled with: ${profile.commands.map((c) => `\`${c}\``).join('; ')}`);
  return out.join('\n');
}

function peersSection(entry: PeersEntry): string {
  const out: string[] = [];
  const label = (id: string) => entry.targets.find((t) => t.id === id)?.label ?? id;
  out.push(`## Peers: ${entry.label} articles (${entry.database})`);
  out.push('');
  out.push(
    `The gateway against other servers on the same machine and data, alternating A/B within each of ${entry.settings.rounds} rounds ` +
      `(${entry.settings.warmup} s warm-up, then ${entry.settings.duration} s measured, per server and operation); ` +
      `req/s is the median over rounds (the mean of the two at 2 rounds), each round's number beside it.`,
  );
  out.push('');
  out.push(`- Date: ${entry.date}`);
  out.push(
    `- Machine: ${entry.machine.cpu}, ${entry.machine.cores} cores, ${entry.machine.memoryGiB} GiB RAM, ${entry.machine.os}; ` +
      `load average (1 / 5 / 15 min) before ${loads(entry.load.before)}, after ${loads(entry.load.after)}`,
  );
  out.push(
    `- Versions: ${Object.entries(entry.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
  );
  out.push(
    `- Load: ${entry.settings.loadGenerator}, ${entry.settings.connections} connections, ${entry.settings.threads} thread(s); ` +
      `every server in a child process of its own`,
  );
  out.push(`- Gateway: ${entry.settings.gateway}`);
  out.push('- Servers:');
  for (const t of entry.targets) out.push(`  - **${t.label}**: ${t.description}`);
  out.push('');
  out.push(
    table(
      ['Check', 'value', 'bar', 'result', 'how'],
      entry.checks.map((c) => [c.name, checkValue(c), checkBar(c), checkResult(c), c.detail]),
    ),
  );
  out.push('');
  const operations = [...new Set(entry.measurements.map((m) => m.operation))];
  const rounds = [...new Set(entry.measurements.map((m) => m.round))].sort((a, b) => a - b);
  const rows: string[][] = [];
  for (const operation of operations) {
    for (const target of entry.targets) {
      const taken = entry.measurements
        .filter((m) => m.operation === operation && m.target === target.id)
        .sort((a, b) => a.round - b.round);
      if (!taken.length) continue;
      const last = taken[taken.length - 1] as PeerMeasurement;
      rows.push([
        operation,
        target.label,
        `**${num.format(Math.round(medianRps(entry, target.id, operation)))}**`,
        ...rounds.map((r) => {
          const m = taken.find((x) => x.round === r);
          return m ? num.format(Math.round(m.load.rps)) : '–';
        }),
        taken.map((m) => ms(m.load.latency.p50)).join(' / '),
        taken.map((m) => ms(m.load.latency.p99)).join(' / '),
        last.load.bytesPerResponse ? num.format(Math.round(last.load.bytesPerResponse)) : '–',
        taken.map((m) => `${m.loadavg.before[0]?.toFixed(2)}→${m.loadavg.after[0]?.toFixed(2)}`).join(', '),
        taken.some((m) => m.load.non2xx || m.load.errors)
          ? taken.map((m) => `${m.load.non2xx}/${m.load.errors}`).join(', ')
          : '',
      ]);
    }
  }
  out.push(
    table(
      [
        'Operation',
        'Server',
        'req/s (median)',
        ...rounds.map((r) => `round ${r}`),
        'p50 ms by round',
        'p99 ms by round',
        'bytes/response',
        'load avg 1 min (before→after) by round',
        'non-2xx/errors',
      ],
      rows,
    ),
  );
  const bodies = entry.responseBytes.map((r) => `${r.operation} ${label(r.target)} ${num.format(r.bytes)} B`);
  if (bodies.length) out.push('', `Response bodies: ${bodies.join('; ')}.`);
  if (entry.overhead.length) {
    out.push('');
    out.push(
      `Gateway overhead at one connection: \`total − db\` of each response's \`Server-Timing\` over ` +
        `${entry.settings.overheadSamples} sequential requests after ${entry.settings.overheadWarmup} of warm-up ` +
        '(the header counts in hundredths of a millisecond; in tenths before commit 1426b2b).',
    );
    out.push('');
    out.push(
      table(
        ['Operation', 'mode', 'SQL', 'overhead p50 ms', 'p90', 'mean', 'db p50', 'total p50', 'round trip p50'],
        entry.overhead.map((o) => [
          o.operation,
          o.mode,
          String(o.statements),
          `**${o.p50.toFixed(2)}**`,
          o.p90.toFixed(2),
          o.mean.toFixed(2),
          o.dbP50.toFixed(2),
          o.totalP50.toFixed(2),
          o.roundTripP50.toFixed(2),
        ]),
      ),
    );
  }
  if (entry.profile) out.push('', profileSection(entry.profile));
  if (entry.notes.length) out.push('', ...entry.notes.map((n) => `- ${n}`));
  out.push('', `Reproduce:\n${entry.commands.map((c) => `- \`${c}\``).join('\n')}`);
  return out.join('\n');
}

export function renderReport(results: ResultsFile): string {
  const runs = Object.values(results.runs).sort(
    (a, b) => a.database.localeCompare(b.database) || a.articles - b.articles,
  );
  const sections = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (bench/run.ts) and `npm run bundle:check` from bench/results.json; ' +
      'edit bench/findings.md for the notes, not this file.',
    '',
    'Columns: requests/s and latency percentiles come from the load generator (wrk, or autocannon in older runs and ' +
      'where wrk is missing: p50/p95/p99 from every response time, not autocannon’s 1 ms histogram). SQL statements, db time and total time come from ' +
      'the gateway’s `Server-Timing` header over sequential requests (no concurrency); gateway overhead = total − db: ' +
      'parsing, validation, execution of resolvers and serialisation, besides the time spent waiting on Postgres.',
  ];
  const peers = Object.values(results.peers ?? {}).sort(
    (a, b) => a.database.localeCompare(b.database) || a.articles - b.articles,
  );
  for (const entry of peers) sections.push('', peersSection(entry));
  const scale = scaleSection(runs);
  if (scale) sections.push('', scale);
  for (const run of runs) sections.push('', runSection(run));
  if (existsSync(FINDINGS_MD)) sections.push('', readFileSync(FINDINGS_MD, 'utf8').trim());
  sections.push('', bundleSection(results.bundle));
  return `${sections.join('\n')}\n`;
}
