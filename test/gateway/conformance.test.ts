import type { AddressInfo } from 'node:net';
import { type AuditResult, auditServer } from 'graphql-http';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheHints } from '../../src/cache/hints';
import { MemoryStore } from '../../src/cache/memory-store';
import type { Context } from '../../src/context';
import { StatementMeter } from '../../src/db/meter';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { createNodeServer } from '../../src/gateway/node-server';
import { schema } from '../../src/schema';
import { openTestDatabase, type TestDatabase } from '../support/database';

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
        purge: async () => 0,
        now: new Date(),
      };
    },
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const failures = (results: AuditResult[]) => results.filter((result) => result.status !== 'ok');

/** The failed audits, each with its name, reason and the response the server gave. */
async function describeFailures(results: AuditResult[]): Promise<string> {
  const lines: string[] = [];
  for (const result of failures(results)) {
    if (result.status === 'ok') continue;
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

function auditFetch(handler: (request: Request) => Response | Promise<Response>) {
  return auditServer({
    url: URL_BASE,
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init)),
  });
}

/** Every MUST passes; every check plain Yoga passes, the server passes too. */
async function expectConformance(label: string, results: AuditResult[], reference: AuditResult[]) {
  expect(results.length, label).toBeGreaterThan(30);
  expect(results.map((r) => r.id).sort(), label).toEqual(reference.map((r) => r.id).sort());
  const report = await describeFailures(results);
  if (report) console.info(`${label}: audits not passed\n${report}`);

  const mustFailures = failures(results).filter((r) => r.name.startsWith('MUST'));
  expect(
    mustFailures.map((r) => `${r.id} ${r.name}`),
    `${label}: MUST audits failed\n${report}`,
  ).toEqual([]);

  const passedByYoga = new Set(reference.filter((r) => r.status === 'ok').map((r) => r.id));
  const regressions = failures(results).filter((r) => passedByYoga.has(r.id));
  expect(
    regressions.map((r) => `${r.id} ${r.name}`),
    `${label}: audits plain Yoga passes but this server fails\n${report}`,
  ).toEqual([]);
}

describe('GraphQL over HTTP conformance (graphql-http audit)', () => {
  let reference: AuditResult[];

  beforeAll(async () => {
    reference = await auditFetch((request) => plainYoga.fetch(request));
    const report = await describeFailures(reference);
    if (report) console.info(`plain Yoga: audits not passed\n${report}`);
  });

  it('plain Yoga, the reference, passes every MUST', () => {
    expect(failures(reference).filter((r) => r.name.startsWith('MUST'))).toEqual([]);
  });

  it('the gateway over its fetch API passes every MUST and every audit plain Yoga passes', async () => {
    // Twice: the first run fills the edge cache, the second is answered from it (hits are rendered
    // per request, so they must conform as misses do).
    for (const round of ['cold cache', 'warm cache']) {
      const results = await auditFetch((request) => gateway.fetch(request));
      await expectConformance(`gateway.fetch (${round})`, results, reference);
    }
  });

  describe('over real HTTP (the Node server and its fast path for cache hits)', () => {
    let server: ReturnType<typeof createNodeServer>;
    let base: string;

    beforeAll(async () => {
      // A gateway of its own, so the first audit really starts from an empty cache.
      const nodeGateway = createGateway({ source: database, store: new MemoryStore() });
      server = createNodeServer(nodeGateway);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('passes every MUST and every audit plain Yoga passes, cold and warm', async () => {
      for (const round of ['cold cache', 'warm cache']) {
        const results = await auditServer({ url: base, fetchFn: fetch });
        await expectConformance(`Node server (${round})`, results, reference);
      }
    });
  });
});
