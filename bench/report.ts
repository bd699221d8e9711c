// bench/results.json accumulates runs (one per database and data size) and the Worker budget;
// bench/RESULTS.md is regenerated from all of it, plus the hand-written bench/findings.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load';
import type { PlanSummary } from './plans';

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
  settings: { connections: number; duration: number; warmup: number; samples: number };
  commands: string[];
  results: OperationResult[];
  plans: PlanSummary[];
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
  bundle?: BundleEntry;
}

export function readResults(): ResultsFile {
  if (!existsSync(RESULTS_JSON)) return { runs: {} };
  const parsed = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Partial<ResultsFile>;
  return { runs: parsed.runs ?? {}, ...(parsed.bundle && { bundle: parsed.bundle }) };
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
    `- Load: autocannon, ${run.settings.connections} connections, ${run.settings.duration} s per operation after ${run.settings.warmup} s of warm-up; ` +
      `Server-Timing averaged over ${run.settings.samples} sequential requests`,
  );
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
    'Columns: requests/s and latency percentiles come from autocannon under load (p50/p95/p99 computed ' +
      'from every response time, not autocannon’s 1 ms histogram). SQL statements, db time and total time come from ' +
      'the gateway’s `Server-Timing` header over sequential requests (no concurrency); gateway overhead = total − db: ' +
      'parsing, validation, execution of resolvers and serialisation, besides the time spent waiting on Postgres.',
  ];
  const scale = scaleSection(runs);
  if (scale) sections.push('', scale);
  for (const run of runs) sections.push('', runSection(run));
  if (existsSync(FINDINGS_MD)) sections.push('', readFileSync(FINDINGS_MD, 'utf8').trim());
  sections.push('', bundleSection(results.bundle));
  return `${sections.join('\n')}\n`;
}
