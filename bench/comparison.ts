// The peer comparison of `npm run bench`, three bars:
// 1. the gateway's uncached path against PostGraphile v4 (default options) on the same database, with
//    the equivalent ArticlePage and ChannelFeed documents: uncached req/s ≥ PostGraphile's (aim 1.5×);
//    PostGraphile with its prepared statements off is shown for context;
// 2. a cache hit against a bare node:http server answering the same request with the hit's exact
//    bytes and headers, as a POST (JSON body) and as a GET with a persisted-query hash (what
//    CDN-cacheable clients send): hit req/s ≥ 40% of bare (aim 50%);
// 3. gateway overhead at one connection (`total − db` of Server-Timing), sequential, p50 < 1 ms.
// Every server runs in a child process; loads alternate A/B/A/B over rounds, each after a warm-up.
import os from 'node:os';
import pg from 'pg';
import type { RunningServer } from './child';
import type { NodeLaunch } from './gateway';
import { type HttpResponse, problemWith, send, serverTiming } from './http';
import { type Generator, type LoadRequest, type LoadResult, runLoad, summarise } from './load';
import { type BenchOperation, schemaOperation } from './operations';
import { type FixedResponse, postgraphileOperations, startBareServerChild, startPostGraphile } from './peers';
import {
  type BarCheck,
  medianRps,
  type OverheadResult,
  type PeerMeasurement,
  type PeersEntry,
  type PeerTarget,
} from './report';
import { ANONYMOUS_HEADERS, UNCACHED_HEADERS } from './server';

export interface ComparisonSettings {
  connections: number;
  threads: number;
  warmup: number;
  duration: number;
  rounds: number;
  overheadWarmup: number;
  overheadSamples: number;
}

export interface ComparisonInput {
  gateway: RunningServer;
  /** Postgres for PostGraphile; without one (PGlite), bar 1 is skipped. */
  databaseUrl: string | null;
  bare: NodeLaunch;
  generator: Generator;
  settings: ComparisonSettings;
}

export type ComparisonResult = Pick<
  PeersEntry,
  'targets' | 'measurements' | 'checks' | 'overhead' | 'responseBytes' | 'notes'
>;

/** The operations compared with PostGraphile, and the one whose cache hit is measured. */
const PEER_OPERATIONS = ['ArticlePage', 'ChannelFeed'] as const;
/** ArticlePage once more, for this many articles in turn: what a partner reading the site sends. */
const MANY_ARTICLES = 2_000;
const MANY = `ArticlePage, ${MANY_ARTICLES.toLocaleString('en')} articles`;

/** Paths of published articles, spread over the table (every nth by id). */
async function articlePaths(databaseUrl: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ path: string }>(
      `select path from (select path, row_number() over (order by id) as n, count(*) over () as total
         from articles where status = 'published') a
       where n % greatest(total / $1, 1) = 0 order by n limit $1`,
      [count],
    );
    return rows.map((row) => row.path);
  } finally {
    await client.end();
  }
}

/** `request` sending `op` once for each path in turn. */
function forEachPath(request: LoadRequest, op: { document: string }, paths: string[]): LoadRequest {
  return { ...request, bodies: paths.map((path) => JSON.stringify({ query: op.document, variables: { path } })) };
}
const HIT_OPERATION = 'ArticlePage';

export const TARGETS: PeerTarget[] = [
  {
    id: 'gateway',
    label: 'gateway, uncached',
    description:
      'POST with the editor token the benchmark gives the gateway (`EDITOR_TOKEN`): never answered from the edge cache nor charged against the cost budgets; every request runs its SQL',
  },
  {
    id: 'postgraphile',
    label: 'PostGraphile v4',
    description:
      'default options (bench/peers/postgraphile/server.mjs, pool of 10, query log off), the equivalent documents of bench/peers/postgraphile/operations/',
  },
  {
    id: 'postgraphile-unprepared',
    label: 'PostGraphile v4, no prepared statements',
    description: 'the same with `POSTGRAPHILE_PREPARED_STATEMENT_CACHE_SIZE=1` (context, no bar)',
  },
  {
    id: 'hit-post',
    label: 'gateway, cache hit (POST)',
    description: 'anonymous POST of ArticlePage (JSON body), primed: answered from the in-memory edge cache',
  },
  {
    id: 'bare-post',
    label: 'bare node:http (POST)',
    description:
      'bench/peers/bare-server.ts: reads the same POST and answers the hit’s exact body bytes and headers (with content-length)',
  },
  {
    id: 'hit-get',
    label: 'gateway, cache hit (GET, persisted query)',
    description:
      'anonymous `GET /graphql?operationName=ArticlePage&variables=…&extensions={"persistedQuery":{"version":1,"sha256Hash":…}}`, primed',
  },
  {
    id: 'bare-get',
    label: 'bare node:http (GET)',
    description: 'the same GET, answered with the GET hit’s exact body bytes and headers',
  },
];

interface Slot {
  target: string;
  operation: string;
  request: LoadRequest;
  /** After the load: the `x-cache` a cache hit should still show. */
  expectHit?: boolean;
}

const post = (url: string, headers: Record<string, string>, op: { document: string; variables: unknown }) => ({
  url,
  method: 'POST' as const,
  headers,
  body: JSON.stringify({ query: op.document, variables: op.variables }),
});

/** The persisted-query GET of a schema operation (its hash is trusted without registration). */
function persistedGet(url: string, op: BenchOperation): LoadRequest {
  const search = new URLSearchParams({
    operationName: op.name,
    variables: JSON.stringify(op.variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.sha256 } }),
  });
  const accept = ANONYMOUS_HEADERS.accept;
  return { url: `${url}?${search}`, method: 'GET', headers: accept ? { accept } : {} };
}

function onUrl(request: LoadRequest, base: string): LoadRequest {
  const from = new URL(request.url);
  return { ...request, url: `${base}${from.search}` };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const loadavg = () => os.loadavg().map((l) => Number(l.toFixed(2)));

function rowsOf(operation: string, response: HttpResponse): number {
  const json = JSON.parse(response.body.toString('utf8')) as { data?: Record<string, unknown> };
  const data = json.data ?? {};
  const get = (value: unknown, ...path: (string | number)[]): unknown =>
    path.reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined),
      value,
    );
  const length = (value: unknown) => (Array.isArray(value) ? value.length : -1);
  if (operation === 'ArticlePage') {
    if ('article' in data) return data.article ? 1 : 0;
    return length(get(data, 'allArticles', 'nodes'));
  }
  if ('articles' in data) return length(get(data, 'articles', 'edges'));
  return length(get(data, 'allChannels', 'nodes', 0, 'articlesByChannelId', 'edges'));
}

async function checked(label: string, request: LoadRequest): Promise<HttpResponse> {
  const response = await send(request);
  const problem = problemWith(response);
  if (problem) throw new Error(`${label}: ${problem}`);
  return response;
}

/** Sends until the response says `x-cache: HIT` (a miss stores it first); the HIT response. */
async function primeHit(label: string, request: LoadRequest): Promise<HttpResponse> {
  for (let i = 0; i < 3; i += 1) {
    const response = await checked(label, request);
    if (response.headers['x-cache'] === 'HIT') return response;
  }
  throw new Error(`${label}: no edge cache hit after 3 requests`);
}

function fixedResponse(response: HttpResponse): FixedResponse {
  return { body: response.body, headers: Object.fromEntries(response.rawHeaders) };
}

async function overheadOf(
  operation: string,
  mode: string,
  request: LoadRequest,
  settings: ComparisonSettings,
): Promise<OverheadResult> {
  for (let i = 0; i < settings.overheadWarmup; i += 1) await send(request);
  const overheads: number[] = [];
  const dbs: number[] = [];
  const totals: number[] = [];
  const trips: number[] = [];
  let statements = 0;
  for (let i = 0; i < settings.overheadSamples; i += 1) {
    const response = await send(request);
    const t = serverTiming(response.headers['server-timing']);
    if (response.status !== 200 || Number.isNaN(t.overheadMs)) {
      throw new Error(
        `${operation} (${mode}): HTTP ${response.status}, server-timing ${response.headers['server-timing']}`,
      );
    }
    overheads.push(t.overheadMs);
    dbs.push(t.dbMs);
    totals.push(t.totalMs);
    trips.push(response.ms);
    statements = Math.max(statements, t.statements);
  }
  const o = summarise(overheads);
  const sorted = overheads.slice().sort((a, b) => a - b);
  return {
    operation,
    mode,
    samples: overheads.length,
    statements,
    p50: o.p50,
    p90: sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)] ?? Number.NaN,
    mean: o.mean,
    dbP50: summarise(dbs).p50,
    totalP50: summarise(totals).p50,
    roundTripP50: summarise(trips).p50,
  };
}

function describeRounds(entry: Pick<PeersEntry, 'measurements'>, target: string, operation: string): string {
  return entry.measurements
    .filter((m) => m.target === target && m.operation === operation)
    .sort((a, b) => a.round - b.round)
    .map((m) => fmt(m.load.rps))
    .join(', ');
}

function ratioCheck(
  entry: Pick<PeersEntry, 'measurements'>,
  name: string,
  operation: string,
  numerator: string,
  denominator: string,
  bar?: { bar: number; aim: number },
): BarCheck | null {
  const a = medianRps(entry, numerator, operation);
  const b = medianRps(entry, denominator, operation);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  const value = a / b;
  const label = (id: string) => TARGETS.find((t) => t.id === id)?.label ?? id;
  return {
    name,
    value,
    unit: '×',
    comparison: '≥',
    ...(bar && { bar: bar.bar, aim: bar.aim, pass: value >= bar.bar }),
    detail:
      `${label(numerator)} ${fmt(a)} req/s (rounds ${describeRounds(entry, numerator, operation)}) ÷ ` +
      `${label(denominator)} ${fmt(b)} req/s (rounds ${describeRounds(entry, denominator, operation)})`,
  };
}

function logMeasurement(m: PeerMeasurement, rounds: number) {
  const label = TARGETS.find((t) => t.id === m.target)?.label ?? m.target;
  const l = m.load;
  process.stderr.write(
    `round ${m.round}/${rounds}  ${m.operation.padEnd(MANY.length)} ${label.padEnd(42)} ${fmt(l.rps).padStart(7)} req/s  ` +
      `p50 ${l.latency.p50.toFixed(1)}  p99 ${l.latency.p99.toFixed(1)} ms  ` +
      `load ${m.loadavg.before[0]?.toFixed(2)}→${m.loadavg.after[0]?.toFixed(2)}` +
      (l.non2xx || l.errors ? `  non-2xx ${l.non2xx} errors ${l.errors}` : '') +
      (m.xCacheAfter && m.xCacheAfter !== 'HIT' ? `  x-cache after: ${m.xCacheAfter}` : '') +
      '\n',
  );
}

export async function runComparison(input: ComparisonInput): Promise<ComparisonResult> {
  const { gateway, settings } = input;
  const notes: string[] = [];
  const responseBytes: ComparisonResult['responseBytes'] = [];
  const slots: Slot[] = [];
  const servers: RunningServer[] = [];
  const load = { connections: settings.connections, duration: settings.duration, threads: settings.threads };
  const warm = { ...load, duration: settings.warmup };

  try {
    // 1. Uncached gateway against PostGraphile, with and without its prepared statements.
    const gatewayOps = PEER_OPERATIONS.map((name) => schemaOperation(name));
    if (input.databaseUrl) {
      const peerOps = postgraphileOperations();
      process.stderr.write('peers: starting PostGraphile v4 (default, and prepared statements off)\n');
      const [postgraphile, unprepared] = await Promise.all([
        startPostGraphile({ databaseUrl: input.databaseUrl }),
        startPostGraphile({ databaseUrl: input.databaseUrl, preparedStatementCacheSize: 1 }),
      ]);
      servers.push(postgraphile, unprepared);
      for (const op of gatewayOps) {
        const peerOp = peerOps.find((p) => p.name === op.name);
        if (!peerOp) throw new Error(`bench/peers/postgraphile/operations/${op.name}.graphql is missing`);
        const ours = post(gateway.url, UNCACHED_HEADERS, op);
        const response = await checked(`gateway ${op.name} (uncached)`, ours);
        if (response.headers['x-cache'] === 'HIT')
          throw new Error('the edge cache answered a request with credentials');
        const peerHeaders = { 'content-type': 'application/json', accept: 'application/json' };
        const theirs = post(postgraphile.url, peerHeaders, peerOp);
        const theirsUnprepared = post(unprepared.url, peerHeaders, peerOp);
        const peerResponse = await checked(`PostGraphile ${op.name}`, theirs);
        await checked(`PostGraphile (unprepared) ${op.name}`, theirsUnprepared);
        const [rowsOurs, rowsTheirs] = [rowsOf(op.name, response), rowsOf(op.name, peerResponse)];
        if (rowsOurs !== rowsTheirs || rowsOurs <= 0) {
          throw new Error(`${op.name}: the gateway returned ${rowsOurs} rows, PostGraphile ${rowsTheirs}`);
        }
        responseBytes.push(
          { target: 'gateway', operation: op.name, bytes: response.body.byteLength },
          { target: 'postgraphile', operation: op.name, bytes: peerResponse.body.byteLength },
        );
        slots.push(
          { target: 'gateway', operation: op.name, request: ours },
          { target: 'postgraphile', operation: op.name, request: theirs },
          { target: 'postgraphile-unprepared', operation: op.name, request: theirsUnprepared },
        );
      }
      if (input.generator === 'wrk') {
        const paths = await articlePaths(input.databaseUrl, MANY_ARTICLES);
        const ours = slots.find((slot) => slot.target === 'gateway' && slot.operation === 'ArticlePage');
        const theirs = slots.find((slot) => slot.target === 'postgraphile' && slot.operation === 'ArticlePage');
        const peerOp = peerOps.find((p) => p.name === 'ArticlePage');
        const op = gatewayOps.find((o) => o.name === 'ArticlePage');
        if (ours && theirs && peerOp && op && paths.length > 0) {
          const last = paths[paths.length - 1] as string;
          for (const [name, request, document] of [
            ['gateway', ours.request, op.document],
            ['PostGraphile', theirs.request, peerOp.document],
          ] as const) {
            const one = { ...request, body: JSON.stringify({ query: document, variables: { path: last } }) };
            if (rowsOf('ArticlePage', await checked(`${name} ${MANY}`, one)) <= 0) {
              throw new Error(`${name} ${MANY}: no article at ${last}`);
            }
          }
          slots.push(
            { target: 'gateway', operation: MANY, request: forEachPath(ours.request, op, paths) },
            { target: 'postgraphile', operation: MANY, request: forEachPath(theirs.request, peerOp, paths) },
          );
          notes.push(
            `${MANY}: ArticlePage for ${paths.length} articles in turn (every nth published article by id), ` +
              'as a partner reading the site sends it; the other rows repeat one request.',
          );
        }
      }
    } else {
      notes.push('No DATABASE_URL (embedded PGlite): PostGraphile needs a Postgres server, so bar 1 was not measured.');
    }

    // 2. Cache hits against a bare server answering the same request with the same bytes.
    const hitOp = schemaOperation(HIT_OPERATION);
    const hitPost = post(gateway.url, ANONYMOUS_HEADERS, hitOp);
    const hitGet = persistedGet(gateway.url, hitOp);
    const postHit = await primeHit(`gateway ${hitOp.name} (POST hit)`, hitPost);
    const getHit = await primeHit(`gateway ${hitOp.name} (GET hit)`, hitGet);
    process.stderr.write('peers: starting the bare servers (POST and GET bytes)\n');
    const [barePost, bareGet] = await Promise.all([
      startBareServerChild(fixedResponse(postHit), input.bare),
      startBareServerChild(fixedResponse(getHit), input.bare),
    ]);
    servers.push(barePost, bareGet);
    for (const [bare, request, hit, kind] of [
      [barePost, hitPost, postHit, 'POST'],
      [bareGet, hitGet, getHit, 'GET'],
    ] as const) {
      const check = await send(onUrl(request, bare.url));
      if (!check.body.equals(hit.body)) throw new Error(`bare server (${kind}): answered other bytes than the hit`);
    }
    if (postHit.headers['content-length'] === undefined) {
      notes.push(
        'The gateway sends its cache hits with `Transfer-Encoding: chunked` (no `content-length`); the bare server sends the ' +
          'same body with `content-length`, as a server that knows its bytes would.',
      );
    }
    responseBytes.push({ target: 'hit-post', operation: hitOp.name, bytes: postHit.body.byteLength });
    slots.push(
      { target: 'hit-post', operation: hitOp.name, request: hitPost, expectHit: true },
      { target: 'bare-post', operation: hitOp.name, request: onUrl(hitPost, barePost.url) },
      { target: 'hit-get', operation: hitOp.name, request: hitGet, expectHit: true },
      { target: 'bare-get', operation: hitOp.name, request: onUrl(hitGet, bareGet.url) },
    );

    // The rounds: every slot once per round, in the same order (A/B/A/B).
    const measurements: PeerMeasurement[] = [];
    for (let round = 1; round <= settings.rounds; round += 1) {
      for (const slot of slots) {
        if (settings.warmup > 0) await runLoad(input.generator, slot.request, warm);
        const before = loadavg();
        const result: LoadResult = await runLoad(input.generator, slot.request, load);
        const m: PeerMeasurement = {
          target: slot.target,
          operation: slot.operation,
          round,
          load: result,
          loadavg: { before, after: loadavg() },
        };
        if (slot.expectHit) {
          m.xCacheAfter = (await send(slot.request)).headers['x-cache'] ?? 'absent';
          if (m.xCacheAfter !== 'HIT') {
            notes.push(`${slot.target} round ${round}: x-cache ${m.xCacheAfter} right after the load (expected HIT).`);
          }
        }
        measurements.push(m);
        logMeasurement(m, settings.rounds);
      }
    }

    // 3. Overhead at one connection, sequential, after a warm-up.
    const overhead: OverheadResult[] = [];
    for (const op of gatewayOps) {
      overhead.push(await overheadOf(op.name, 'uncached', post(gateway.url, UNCACHED_HEADERS, op), settings));
    }
    overhead.push(await overheadOf(hitOp.name, 'cache hit (POST)', hitPost, settings));

    const entry = { measurements };
    const checks: BarCheck[] = [];
    const add = (check: BarCheck | null) => {
      if (check) checks.push(check);
    };
    for (const name of [...gatewayOps.map((op) => op.name), MANY]) {
      add(ratioCheck(entry, `uncached ÷ PostGraphile, ${name}`, name, 'gateway', 'postgraphile', { bar: 1, aim: 1.5 }));
    }
    for (const op of gatewayOps) {
      add(
        ratioCheck(
          entry,
          `uncached ÷ PostGraphile without prepared statements, ${op.name}`,
          op.name,
          'gateway',
          'postgraphile-unprepared',
        ),
      );
    }
    add(
      ratioCheck(entry, 'cache hit ÷ bare server, POST', hitOp.name, 'hit-post', 'bare-post', { bar: 0.4, aim: 0.5 }),
    );
    add(
      ratioCheck(entry, 'cache hit ÷ bare server, GET (persisted query)', hitOp.name, 'hit-get', 'bare-get', {
        bar: 0.4,
        aim: 0.5,
      }),
    );
    for (const o of overhead.filter((x) => x.mode === 'uncached')) {
      checks.push({
        name: `gateway overhead p50 at one connection, ${o.operation} uncached`,
        value: o.p50,
        unit: 'ms',
        comparison: '<',
        bar: 1,
        pass: o.p50 < 1,
        detail:
          `total − db over ${o.samples} sequential requests: p50 ${o.p50.toFixed(2)} ms (p90 ${o.p90.toFixed(2)}, ` +
          `db p50 ${o.dbP50.toFixed(2)}, total p50 ${o.totalP50.toFixed(2)} ms)`,
      });
    }
    const targets = TARGETS.filter((t) => measurements.some((m) => m.target === t.id));
    return { targets, measurements, checks, overhead, responseBytes, notes };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
