import { type AuditFail, type AuditResult, auditServer } from 'graphql-http';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheHints } from '../../src/cache/hints';
import { MemoryStore } from '../../src/cache/memory-store';
import type { Context } from '../../src/context';
import { StatementMeter } from '../../src/db/meter';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { schema } from '../../src/schema';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { type ListeningServer, listen } from '../support/node-server';

/**
 * graphql-http's GraphQL-over-HTTP audit (https://graphql.github.io/graphql-over-http/) against the
 * gateway and against a plain Yoga on the same schema and database. The gateway answers before Yoga
 * in several places (edge cache, its own parameter reader, its own refusals, Node's fast path for
 * cache hits), so it must not fall behind what Yoga alone does.
 */

const URL_BASE = 'http://gateway.test/graphql';

type Yoga = ReturnType<typeof createYoga<Record<string, unknown>, Context>>;

let database: TestDatabase;
let gateway: Gateway;
let plainYoga: Yoga;

beforeAll(async () => {
  database = await openTestDatabase();
  gateway = createGateway({ source: database, store: new MemoryStore() });
  // Yoga with the schema and nothing else but the context its resolvers need (the audit itself only
  // asks for `__typename` and `__type`, so the context only matters if an audit changes).
  plainYoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => {
      const session = database.session(new StatementMeter());
      return {
        db: session.db,
        writer: () => session.writer(),
        cache: new CacheHints(Date.now()),
        editor: false,
        client: { address: null, partnerId: null },
        purge: async () => 0,
        now: new Date(),
        secrets: {},
      };
    },
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const failures = (results: AuditResult[]) => results.filter((result): result is AuditFail => result.status !== 'ok');

/** The failed audits, each with its name, reason and the response the server gave. */
async function describeFailures(results: AuditResult[]): Promise<string> {
  const lines: string[] = [];
  for (const result of failures(results)) {
    let body = '';
    try {
      body = (await result.response.clone().text()).slice(0, 300);
    } catch {
      body = '(body already read)';
    }
    lines.push(
      `[${result.status}] ${result.id} ${result.name}\n    reason: ${result.reason}\n    response: ${result.response.status} ${result.response.headers.get('content-type')} ${body}`,
    );
  }
  return lines.join('\n');
}

/** A fetch function that hands the request to a handler instead of a socket. */
const viaHandler =
  (handler: (request: Request) => Response | Promise<Response>) =>
  async (input: RequestInfo | URL, init?: RequestInit) =>
    handler(new Request(input, init));

const byRequirement = (results: AuditResult[], ...levels: string[]) =>
  results.filter((r) => levels.some((level) => r.name.startsWith(`${level} `)));

/** Checks plain Yoga passes and `results` fails, among the given requirement levels. */
function regressions(results: AuditResult[], reference: AuditResult[], ...levels: string[]) {
  const passedByYoga = new Set(reference.filter((r) => r.status === 'ok').map((r) => r.id));
  return failures(byRequirement(results, ...levels))
    .filter((r) => passedByYoga.has(r.id))
    .map((r) => `${r.id} ${r.name}`);
}

interface Runs {
  label: string;
  results: AuditResult[];
  report: string;
  /** How many of the run's responses were answered from the edge cache (`X-Cache: HIT`). */
  hits: number;
}

/** A fetch for the audit that counts the responses served from the edge cache. */
function countingHits(fetchFn: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const counter = {
    hits: 0,
    fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetchFn(input, init);
      if (response.headers.get('x-cache') === 'HIT') counter.hits += 1;
      return response;
    },
  };
  return counter;
}

/** The audit twice: the first run fills the edge cache, the second is answered from it. */
async function coldAndWarm(
  label: string,
  url: string,
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
): Promise<Runs[]> {
  const runs: Runs[] = [];
  for (const round of ['cold cache', 'warm cache']) {
    const counter = countingHits(fetchFn);
    const results = await auditServer({ url, fetchFn: counter.fetchFn });
    const report = await describeFailures(results);
    if (report) console.info(`${label} (${round}): audits not passed\n${report}`);
    runs.push({ label: `${label} (${round})`, results, report, hits: counter.hits });
  }
  return runs;
}

function conformanceChecks(label: string, runs: () => Runs[], reference: () => AuditResult[]) {
  it(`${label}: runs the whole audit`, () => {
    for (const run of runs()) {
      expect(run.results.map((r) => r.id).sort(), run.label).toEqual(
        reference()
          .map((r) => r.id)
          .sort(),
      );
    }
  });

  it(`${label}: was answered from the edge cache on the second run, so cached answers were audited too`, () => {
    const [, warm] = runs();
    expect(warm?.hits, warm?.label).toBeGreaterThan(10);
  });

  it(`${label}: passes every MUST`, () => {
    for (const run of runs()) {
      const failed = failures(byRequirement(run.results, 'MUST')).map((r) => `${r.id} ${r.name}`);
      expect(failed, `${run.label}\n${run.report}`).toEqual([]);
    }
  });

  it(`${label}: passes every MUST and SHOULD that plain Yoga passes`, () => {
    for (const run of runs()) {
      expect(regressions(run.results, reference(), 'MUST', 'SHOULD'), `${run.label}\n${run.report}`).toEqual([]);
    }
  });

  // Not asked by the spec, but a request plain Yoga refuses (say `operationName: {}`) should not be
  // answered 200 by the gateway because an earlier request put the same document in the cache.
  it(`${label}: passes every MAY that plain Yoga passes too (same answers as Yoga, cached or not)`, () => {
    for (const run of runs()) {
      expect(regressions(run.results, reference(), 'MAY'), `${run.label}\n${run.report}`).toEqual([]);
    }
  });
}

describe('GraphQL over HTTP conformance (graphql-http audit)', () => {
  let reference: AuditResult[];
  let overFetch: Runs[];
  let overNode: Runs[];
  let server: ListeningServer | undefined;

  beforeAll(async () => {
    reference = await auditServer({ url: URL_BASE, fetchFn: viaHandler((request) => plainYoga.fetch(request)) });
    const report = await describeFailures(reference);
    if (report) console.info(`plain Yoga: audits not passed\n${report}`);

    overFetch = await coldAndWarm(
      'gateway.fetch',
      URL_BASE,
      viaHandler((request) => gateway.fetch(request)),
    );

    // A gateway of its own, so the first audit over HTTP starts from an empty cache too.
    server = await listen(createGateway({ source: database, store: new MemoryStore() }));
    overNode = await coldAndWarm('Node server', `${server.origin}/graphql`, fetch);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('plain Yoga, the reference, passes every MUST', () => {
    expect(reference.length).toBeGreaterThan(30);
    expect(failures(byRequirement(reference, 'MUST')).map((r) => `${r.id} ${r.name}`)).toEqual([]);
  });

  conformanceChecks(
    'the gateway over its fetch API',
    () => overFetch,
    () => reference,
  );
  conformanceChecks(
    'the gateway over real HTTP (Node server, fast path for cache hits)',
    () => overNode,
    () => reference,
  );
});

/**
 * What the audit's MAY checks above show, one request at a time: a request plain Yoga refuses must
 * get the same refusal from the gateway whether or not the same document sits in the edge cache.
 */
describe('refusals that do not depend on the edge cache', () => {
  const malformed: [string, string][] = [
    ['operationName that is not a string', '{"query":"{ __typename }","operationName":{}}'],
    ['extensions that are not an object', '{"query":"{ __typename }","extensions":"x"}'],
    ['a parameter GraphQL over HTTP does not define', '{"query":"{ __typename }","foo":1}'],
  ];

  async function ask(handler: (request: Request) => Promise<Response>, body: string) {
    const response = await handler(
      new Request(URL_BASE, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body,
      }),
    );
    return { status: response.status, xCache: response.headers.get('x-cache'), text: await response.text() };
  }

  for (const [what, body] of malformed) {
    it(`refuses ${what} with 400, cold and once the document is cached`, async () => {
      const yoga = await ask((request) => Promise.resolve(plainYoga.fetch(request)), body);
      expect(yoga.status, yoga.text).toBe(400);

      const fresh = createGateway({ source: database, store: new MemoryStore() });
      const cold = await ask((request) => fresh.fetch(request), body);
      expect(cold.status, cold.text).toBe(400);

      const cached = await ask((request) => fresh.fetch(request), '{"query":"{ __typename }"}');
      expect(cached.status).toBe(200);
      const warm = await ask((request) => fresh.fetch(request), body);
      expect(warm.status, `${warm.status} X-Cache: ${warm.xCache} ${warm.text}`).toBe(400);
      expect(JSON.parse(warm.text)).toEqual(JSON.parse(cold.text));
    });
  }
});
