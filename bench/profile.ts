// Where the gateway's time goes: a V8 CPU profile (`node --cpu-prof`) of the gateway child during one
// load, reduced to self time by package (node_modules/<pkg>), by folder of our own code (src/…,
// through the bundle's source map), Node's internals, V8 builtins, GC and idle. Samples are kept only
// within the measured window: V8's profile clock and process.hrtime are both CLOCK_MONOTONIC, so the
// window measured in this process applies to the child's profile as is.
import { readdirSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './operation-files';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TimeShare {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  date: string;
  /** What load ran while profiling, e.g. `uncached ArticlePage, wrk -t1 -c16, 8 s`. */
  what: string;
  commands: string[];
  /** req/s under the profiler (it costs some). */
  rps: number;
  /** The profiled window (ms) and how many samples fell in it. */
  windowMs: number;
  samples: number;
  /** Whether the window could be cut out of the profile (else: the whole profile). */
  windowed: boolean;
  /** idle, GC, our code, node_modules, Node internals, V8 builtins and native code. */
  groups: TimeShare[];
  /** Finer: `node_modules/graphql`, `app: src/gateway`, `node: http`, … */
  categories: TimeShare[];
  /** The heaviest functions by self time. */
  functions: (TimeShare & { where: string })[];
}

/** Node's internals by area: `node:internal/streams/readable` → `streams`, `node:_http_server` → `http`. */
function nodeArea(url: string): string {
  const path = url.replace(/^node:(internal\/)?/, '');
  if (/^_?http/.test(path) || path.startsWith('http')) return 'http';
  const first = path.split('/')[0] ?? path;
  return first.replace(/^_/, '');
}

/** `src/modules/articles/feed.ts` → `src/modules/articles`; `src/gateway/x.ts` → `src/gateway`. */
function appArea(file: string): string {
  const parts = file.split('/');
  const depth = parts[1] === 'modules' ? 3 : 2;
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('/') || file;
}

function packageOf(path: string): string | null {
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const parts = path.slice(at + '/node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? null);
}

interface Attribution {
  group: string;
  category: string;
  where: string;
}

function attributor(bundle: string | null) {
  const bundleUrl = bundle ? `file://${bundle}` : null;
  let map: SourceMap | null = null;
  if (bundle) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMapPayload);
    } catch {
      map = null;
    }
  }
  const cache = new Map<string, Attribution>();

  function fromFile(path: string, line: number): Attribution {
    const pkg = packageOf(path);
    if (pkg) {
      const inner = path.slice(path.lastIndexOf('/node_modules/') + '/node_modules/'.length);
      return { group: 'node_modules', category: `node_modules/${pkg}`, where: `${inner}:${line}` };
    }
    const file = relative(REPO_ROOT, path);
    return { group: 'app (our code)', category: `app: ${appArea(file)}`, where: `${file}:${line}` };
  }

  return (frame: CallFrame): Attribution => {
    const key = `${frame.functionName}|${frame.url}|${frame.lineNumber}|${frame.columnNumber}`;
    const known = cache.get(key);
    if (known) return known;
    let result: Attribution;
    const { functionName, url } = frame;
    if (functionName === '(idle)') result = { group: 'idle', category: 'idle', where: '' };
    else if (functionName === '(garbage collector)') result = { group: 'GC', category: 'GC', where: '' };
    else if (functionName === '(program)' || functionName === '(root)')
      result = { group: 'V8 / native', category: '(program): V8 and native code outside JS', where: '' };
    else if (url === '') {
      result = { group: 'V8 / native', category: 'builtins and bindings (no script)', where: 'native' };
    } else if (url.startsWith('node:')) {
      result = {
        group: 'Node.js internals',
        category: `node: ${nodeArea(url)}`,
        where: `${url}:${frame.lineNumber + 1}`,
      };
    } else if (bundleUrl && url === bundleUrl) {
      const found = map?.findEntry(frame.lineNumber, frame.columnNumber);
      const entry = found && 'originalSource' in found ? found : undefined;
      if (entry && bundle) {
        const source = entry.originalSource;
        const path = source.startsWith('file://') ? fileURLToPath(source) : resolve(dirname(bundle), source);
        result = fromFile(path, entry.originalLine + 1);
      } else {
        result = { group: 'app (our code)', category: 'app: (bundle, unmapped)', where: 'bundle' };
      }
    } else if (url.startsWith('file://')) result = fromFile(fileURLToPath(url), frame.lineNumber + 1);
    else result = { group: 'other', category: 'other', where: url };
    cache.set(key, result);
    return result;
  };
}

function sorted(totals: Map<string, number>): TimeShare[] {
  return [...totals.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}

/**
 * Summarises the one `.cpuprofile` in `dir`, keeping the samples taken within `[fromUs, toUs]`
 * (CLOCK_MONOTONIC µs, as `process.hrtime.bigint() / 1000n`). `bundle`: the bundled entry the
 * profile ran, whose source map attributes its frames to src/ files.
 */
export function summariseProfile(
  dir: string,
  window: { fromUs: number; toUs: number },
  bundle: string | null,
): Omit<ProfileSummary, 'date' | 'what' | 'commands' | 'rps'> {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const attribute = attributor(bundle);

  // Sample i lasts until sample i + 1 (DevTools' convention).
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) {
    t += delta;
    times.push(t);
  }
  const inWindow = (i: number) => {
    const at = times[i] ?? 0;
    return at >= window.fromUs && at <= window.toUs;
  };
  const windowed = times.some((_, i) => inWindow(i));

  const groups = new Map<string, number>();
  const categories = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; us: number }>();
  let samples = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    if (windowed && !inWindow(i)) continue;
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    const at = times[i] ?? 0;
    const duration = (times[i + 1] ?? profile.endTime) - at;
    if (duration <= 0) continue;
    samples += 1;
    first = Math.min(first, at);
    last = Math.max(last, at + duration);
    const a = attribute(node.callFrame);
    groups.set(a.group, (groups.get(a.group) ?? 0) + duration);
    categories.set(a.category, (categories.get(a.category) ?? 0) + duration);
    if (a.where) {
      const name = node.callFrame.functionName || '(anonymous)';
      const key = `${name}|${a.where}`;
      const entry = functions.get(key) ?? { name, where: `${a.category} — ${a.where}`, us: 0 };
      entry.us += duration;
      functions.set(key, entry);
    }
  }
  return {
    windowMs: samples ? (last - first) / 1000 : 0,
    samples,
    windowed,
    groups: sorted(groups),
    categories: sorted(categories),
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 15)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000 })),
  };
}
