import { afterAll, beforeAll } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway/gateway';
import { statementsFromServerTiming } from '../../src/gateway/server-timing';
import { openTestDatabase, type TestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; path?: string[]; extensions?: { code?: string } }[] };
  text: string;
  headers: Headers;
  /** SQL statements the request sent, from its Server-Timing header. */
  statements: number | null;
}

/**
 * A gateway over the test database, called through its fetch API: the same HTTP handling as
 * production (status codes, headers, masking) without a socket.
 */
export function useGateway(options: { cacheBytes?: number } & Omit<GatewayOptions, 'source' | 'store'> = {}) {
  // Domain tests look at the database path, so by default the edge cache keeps nothing.
  const { cacheBytes, ...rest } = options;
  const store = new MemoryStore(cacheBytes ?? 0);
  let database: TestDatabase;
  let gateway: Gateway;
  beforeAll(async () => {
    database = await openTestDatabase();
    // Domain tests send hundreds of uncached operations from one (unknown) address: budgets are
    // test/security/'s subject, so here the anonymous budget does not run out unless a test says so.
    const limits = { anonymousCostPerMinute: Number.MAX_SAFE_INTEGER, ...rest.limits };
    gateway = createGateway({ ...rest, limits, source: database, store });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  async function graphql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    init: RequestInit = {},
  ): Promise<GraphQLResponse<T>> {
    const request = new Request('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
      ...init,
    });
    const response = await send(request);
    const text = await response.text();
    return {
      status: response.status,
      body: JSON.parse(text),
      text,
      headers: response.headers,
      statements: statementsFromServerTiming(response.headers.get('server-timing')),
    };
  }

  /** Any request, through the whole gateway (edge cache included). */
  function send(request: Request) {
    return gateway.fetch(request);
  }

  return { graphql, send, store, database: () => database, gateway: () => gateway };
}

/** The response's data, or a failure that shows the errors instead. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (!response.body.data) throw new Error(`no data: ${response.text}`);
  return response.body.data;
}
