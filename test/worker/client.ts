import { migrate } from '../../src/db/migrations';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { statementsFromServerTiming } from '../../src/gateway/server-timing';
import { operations } from '../../src/generated/operations';
import { relations } from '../../src/modules';
import { seed } from '../../src/seed/run';
import type { WorkerUnderTest } from './harness';

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export interface Sent {
  status: number;
  xCache: string | null;
  statements: number | null;
  serverTiming: string | null;
  headers: Headers;
  text: string;
  body: GraphQLBody;
  ms: number;
}

export function operation(name: string) {
  const found = operations.find((op) => op.name === name);
  if (!found) throw new Error(`schema/operations/${name}.graphql is missing`);
  return found;
}

/** Migrations and seed are idempotent: a database the default suite prepared already is fine too. */
export async function prepareDatabase(url: string) {
  const source = createNodePostgresSource({ connectionString: url, relations, max: 2 });
  try {
    await migrate(source);
    await seed(source.admin);
  } finally {
    await source.close();
  }
}

/** Requests to the Worker under test, over real HTTP, with what Server-Timing says they cost. */
export function workerClient(worker: () => WorkerUnderTest, editorToken: string) {
  const failure = (what: string, sent: { status: number; text: string }) =>
    `${what}: HTTP ${sent.status} ${sent.text.slice(0, 600)}\n--- wrangler ---\n${worker().output()}`;

  async function send(path: string, init: RequestInit = {}): Promise<Sent> {
    const started = performance.now();
    const response = await fetch(`${worker().origin}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });
    const text = await response.text();
    const ms = performance.now() - started;
    let body: GraphQLBody = {};
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(failure('not JSON', { status: response.status, text }));
      }
    }
    return {
      status: response.status,
      xCache: response.headers.get('x-cache'),
      statements: statementsFromServerTiming(response.headers.get('server-timing')),
      serverTiming: response.headers.get('server-timing'),
      headers: response.headers,
      text,
      body,
      ms,
    };
  }

  return {
    send,
    failure,
    /**
     * A POST that skips the edge cache (`x-preview` counts as credentials), so each one reaches the
     * database: what the database path costs.
     */
    post(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
      return send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-preview': '1' },
        body: JSON.stringify({ query, variables, ...(operationName && { operationName }) }),
      });
    },
    /** A GraphQL GET, as a CDN or a browser sends it: what the edge cache serves. */
    get(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
      const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
      return send(`/graphql?${search}`, { headers: { accept: 'application/graphql-response+json', ...headers } });
    },
    editor(query: string, variables: Record<string, unknown>) {
      return send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editorToken}` },
        body: JSON.stringify({ query, variables }),
      });
    },
  };
}
