// The load generator: wrk when it is installed (C, one thread, 16 connections; it never decodes a
// body), else autocannon in a child process, with a warning. autocannon turns every response into a
// JS string and, with Chinese bodies, becomes the bottleneck itself: a bare node:http server measured
// 16k req/s with it against 55k with wrk on the same 2-core machine. The two are not comparable.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
  /** The whole URL, path and query string included. */
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Bodies sent in turn instead of `body` (wrk only): the same operation for many articles. */
  bodies?: string[];
}

export interface LoadSettings {
  connections: number;
  /** Seconds (whole seconds: wrk takes no fractions). */
  duration: number;
  /** wrk threads; 1 on a 2-core machine, so the server under test keeps a core to itself. */
  threads: number;
}

export interface LoadResult {
  /** Which generator measured it (absent in runs recorded before wrk was used: autocannon). */
  tool?: 'wrk' | 'autocannon';
  /** Completed 2xx responses. */
  requests: number;
  seconds: number;
  /** Completed 2xx responses per second over the whole run. */
  rps: number;
  /** Milliseconds. wrk: its own histogram (µs resolution); autocannon: every 2xx response time. */
  latency: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** Response bytes (headers and body) per response, when the generator says. */
  bytesPerResponse?: number;
  /** autocannon's own summary (whole milliseconds): its p50, p97.5 and p99. */
  autocannon?: { p50: number; p97_5: number; p99: number; averageRps: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** What run.ts sends to bench/autocannon-child.ts. */
export interface AutocannonInput extends LoadRequest {
  connections: number;
  duration: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarise(times: number[]) {
  const sorted = times.slice().sort((a, b) => a - b);
  const mean = sorted.reduce((sum, t) => sum + t, 0) / (sorted.length || 1);
  return {
    mean,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

let wrkVersionCache: string | null | undefined;

/** `wrk debian/4.1.0-3+b2 [epoll]`, or null when wrk is not on the PATH. */
export function wrkVersion(): string | null {
  if (wrkVersionCache !== undefined) return wrkVersionCache;
  // `wrk --version` prints its version line and the usage, and exits with 1.
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  const line = probe.error ? null : (`${probe.stdout}${probe.stderr}`.split('\n')[0] ?? '');
  wrkVersionCache = line ? line.replace(/\s*Copyright.*$/, '').trim() : null;
  return wrkVersionCache;
}

export type Generator = 'wrk' | 'autocannon';

/** wrk when present (or when asked for), else autocannon with a warning on stderr. */
export function chooseGenerator(preferred?: string): Generator {
  if (preferred && preferred !== 'wrk' && preferred !== 'autocannon') {
    throw new Error(`--load-generator must be wrk or autocannon; got ${preferred}`);
  }
  if (preferred === 'autocannon') return 'autocannon';
  if (wrkVersion()) return 'wrk';
  if (preferred === 'wrk') throw new Error('--load-generator wrk: wrk is not installed (apt-get install wrk)');
  process.stderr.write(
    'WARNING: wrk is not installed; falling back to autocannon. autocannon decodes every response body in JS and ' +
      'saturates before a fast server does (a bare server: 16k req/s with autocannon, 55k with wrk): ' +
      'hit and bare-server numbers are then the load generator’s, not the servers’. apt-get install wrk.\n',
  );
  return 'autocannon';
}

let scriptDir: string | null = null;
let scriptCount = 0;

function scriptsFolder(): string {
  if (!scriptDir) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-wrk-'));
    scriptDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return scriptDir;
}

/**
 * A Lua string literal of exactly these bytes: printable ASCII as is, every other byte as `\ddd`,
 * always three digits (`\0342` would otherwise read as byte 342 when a digit follows `\034`).
 */
export function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/**
 * The wrk script of one request: method, path with query, headers and body (wrk adds Host and
 * Content-Length), and a `done` hook printing the summary as one JSON line (latencies in µs).
 */
export function wrkScript(request: LoadRequest): string {
  const url = new URL(request.url);
  const lines = [
    `wrk.method = ${luaString(request.method)}`,
    `wrk.path = ${luaString(`${url.pathname}${url.search}`)}`,
    ...Object.entries(request.headers).map(([name, value]) => `wrk.headers[${luaString(name)}] = ${luaString(value)}`),
  ];
  if (request.bodies?.length) {
    // Each connection's next request takes the next body; wrk.format adds Content-Length.
    lines.push(
      `local bodies = {${request.bodies.map(luaString).join(',')}}`,
      'local turn = 0',
      'request = function()',
      '  turn = turn % #bodies + 1',
      '  return wrk.format(nil, nil, nil, bodies[turn])',
      'end',
    );
  } else if (request.body !== undefined) lines.push(`wrk.body = ${luaString(request.body)}`);
  lines.push(
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'WRK_RESULT {"requests":%.0f,"durationUs":%.0f,"bytes":%.0f,"connect":%.0f,"read":%.0f,' +
      '"write":%.0f,"status":%.0f,"timeout":%.0f,"mean":%.3f,"p50":%.0f,"p95":%.0f,"p99":%.0f,"max":%.0f}\\n\',',
    '    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,',
    '    latency.mean, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))',
    'end',
  );
  return `${lines.join('\n')}\n`;
}

interface WrkSummary {
  requests: number;
  durationUs: number;
  bytes: number;
  connect: number;
  read: number;
  write: number;
  /** Responses with a status ≥ 400. */
  status: number;
  timeout: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function collect(command: string, args: string[], what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('close', (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`${what} exited with ${signal ?? `code ${code}`}\n${out}`)),
    );
  });
}

async function runWrk(request: LoadRequest, settings: LoadSettings): Promise<LoadResult> {
  scriptCount += 1;
  const script = join(scriptsFolder(), `request-${scriptCount}.lua`);
  writeFileSync(script, wrkScript(request));
  const args = [
    `-t${settings.threads}`,
    `-c${Math.max(settings.connections, settings.threads)}`,
    `-d${Math.round(settings.duration)}s`,
    '--timeout',
    '30s',
    '-s',
    script,
    request.url,
  ];
  const out = await collect('wrk', args, 'wrk');
  const line = out.split('\n').find((l) => l.startsWith('WRK_RESULT '));
  if (!line) throw new Error(`wrk printed no summary:\n${out}`);
  const s = JSON.parse(line.slice('WRK_RESULT '.length)) as WrkSummary;
  const seconds = s.durationUs / 1e6;
  const ok = Math.max(0, s.requests - s.status);
  const ms = (us: number) => us / 1000;
  return {
    tool: 'wrk',
    requests: ok,
    seconds,
    rps: ok / seconds,
    latency: { mean: ms(s.mean), p50: ms(s.p50), p95: ms(s.p95), p99: ms(s.p99), max: ms(s.max) },
    bytesPerResponse: s.requests ? s.bytes / s.requests : 0,
    non2xx: s.status,
    errors: s.connect + s.read + s.write,
    timeouts: s.timeout,
  };
}

const AUTOCANNON_CHILD = fileURLToPath(new URL('./autocannon-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function runAutocannon(request: LoadRequest, settings: LoadSettings): Promise<LoadResult> {
  const input: AutocannonInput = { ...request, connections: settings.connections, duration: settings.duration };
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', AUTOCANNON_CHILD, JSON.stringify(input)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      text += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`autocannon exited with ${code}`))));
  });
  return { ...(JSON.parse(out) as LoadResult), tool: 'autocannon' };
}

/** Loads `request` for `settings.duration` seconds in a child process (wrk or autocannon). */
export function runLoad(generator: Generator, request: LoadRequest, settings: LoadSettings): Promise<LoadResult> {
  if (request.bodies && generator !== 'wrk') throw new Error('a load of many bodies needs wrk');
  return generator === 'wrk' ? runWrk(request, settings) : runAutocannon(request, settings);
}
