import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloClient, type DocumentNode, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { getOperationAST, stripIgnoredCharacters } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createGateway } from '../../src/gateway/gateway';
import { createNodeServer } from '../../src/gateway/node-server';
import { statementsFromServerTiming } from '../../src/gateway/server-timing';
import { operations } from '../../src/generated/operations';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { operation } from '../support/operations';

/**
 * Persisted queries as partners send them: Apollo Client over real HTTP against the Node server,
 * automatic persisted queries (APQ) for ad-hoc documents, trusted documents by hash, and the
 * trusted-documents-only mode of a locked-down deployment.
 */

const EDITOR_TOKEN = 't';
const page = operation('ArticlePage');
const feed = operation('ChannelFeed');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A document a partner wrote themselves: not in schema/operations/, so its hash is unknown at first. */
const PARTNER_QUERY = gql`
  query PartnerHeadlines($channel: String!, $first: Int!) {
    articles(channel: $channel, first: $first) {
      edges {
        node {
          id
          title
          path
        }
      }
    }
  }
`;
const PARTNER_VARIABLES = { channel: 'yaowen', first: 3 };

let database: TestDatabase;
let openServer: Server;
let strictServer: Server;
let openUrl: string;
let strictUrl: string;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/graphql`;
}

async function close(server: Server | undefined) {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

beforeAll(async () => {
  database = await openTestDatabase();
  openServer = createNodeServer(createGateway({ source: database, store: new MemoryStore() }));
  strictServer = createNodeServer(
    createGateway({
      source: database,
      store: new MemoryStore(),
      trustedDocumentsOnly: true,
      editorToken: EDITOR_TOKEN,
    }),
  );
  openUrl = await listen(openServer);
  strictUrl = await listen(strictServer);
}, 120_000);

afterAll(async () => {
  await close(openServer);
  await close(strictServer);
  await database?.close();
});

interface Exchange {
  method: string;
  url: URL;
  status: number;
  headers: Headers;
  body: any;
}

/** Query-string parameters of a GraphQL GET: which of query / extensions it carried. */
function persistedHash(url: URL): string | undefined {
  const extensions = url.searchParams.get('extensions');
  return extensions ? JSON.parse(extensions).persistedQuery?.sha256Hash : undefined;
}

/** Apollo Client v4 as a partner would configure it, with every HTTP exchange written to `log`. */
function apolloClient(
  uri: string,
  log: Exchange[],
  hashing: { sha256: (text: string) => string } | { generateHash: (document: DocumentNode) => string } = { sha256 },
) {
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.clone().text();
    log.push({
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    });
    return response;
  };
  const link = new PersistedQueryLink(hashing).concat(
    new HttpLink({ uri, useGETForQueries: true, fetch: recordingFetch }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

/** A raw GraphQL request, as curl or a CDN would send it. */
async function send(
  url: string,
  params: { query?: string; variables?: Record<string, unknown>; hash?: string },
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string> } = {},
) {
  const extensions = params.hash ? { persistedQuery: { version: 1, sha256Hash: params.hash } } : undefined;
  const headers = { accept: 'application/graphql-response+json', ...init.headers };
  let response: Response;
  if (init.method === 'POST') {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: params.query, variables: params.variables, extensions }),
    });
  } else {
    const target = new URL(url);
    if (params.query !== undefined) target.searchParams.set('query', params.query);
    if (params.variables) target.searchParams.set('variables', JSON.stringify(params.variables));
    if (extensions) target.searchParams.set('extensions', JSON.stringify(extensions));
    response = await fetch(target, { headers });
  }
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    xCache: response.headers.get('x-cache'),
    statements: statementsFromServerTiming(response.headers.get('server-timing')),
    body: text ? JSON.parse(text) : null,
  };
}

const codes = (body: any): string[] => (body?.errors ?? []).map((e: any) => e.extensions?.code);

describe('automatic persisted queries with Apollo Client', () => {
  it('registers an unknown document on the first miss, then serves it from the edge cache by hash alone', async () => {
    const log: Exchange[] = [];
    const first = await apolloClient(openUrl, log).query({ query: PARTNER_QUERY, variables: PARTNER_VARIABLES });
    const edges = (first.data as any).articles.edges as {
      node: { __typename: string; id: string; title: string; path: string };
    }[];
    expect(edges).toHaveLength(PARTNER_VARIABLES.first);

    // The data is right: the same articles, in the same order, as the published ChannelFeed operation
    // gives, and each title is the one in the database for a published article at that path.
    const reference = await send(openUrl, { query: feed.document, variables: PARTNER_VARIABLES });
    expect(edges.map((e) => e.node.id)).toEqual(reference.body.data.articles.edges.map((e: any) => e.node.id));
    const rows = await database.admin.query.articles.findMany({
      where: { path: { in: edges.map((e) => e.node.path) } },
      columns: { path: true, title: true, status: true },
    });
    for (const { node } of edges) {
      expect(node.__typename).toBe('Article');
      expect(rows.find((row) => row.path === node.path)).toEqual({
        path: node.path,
        title: node.title,
        status: 'published',
      });
    }

    // 1. A GET with the hash only, which the gateway does not know yet.
    expect(log).toHaveLength(2);
    const [miss, retry] = log as [Exchange, Exchange];
    const hash = persistedHash(miss.url);
    expect(miss.method).toBe('GET');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(miss.url.searchParams.has('query')).toBe(false);
    expect(miss.body.errors).toEqual([
      expect.objectContaining({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }),
    ]);
    expect(miss.body.data).toBeUndefined();
    // A miss must never be stored by a CDN, or the document could never be registered behind it.
    expect(miss.headers.get('cache-control')).toBe('private, no-store');

    // 2. The retry carries the full text under the same hash (still a GET: useGETForQueries), which registers it.
    expect(retry.method).toBe('GET');
    const text = retry.url.searchParams.get('query');
    expect(text).toBeTruthy();
    expect(persistedHash(retry.url)).toBe(hash);
    expect(sha256(text ?? '')).toBe(hash);
    expect(retry.status).toBe(200);
    expect(retry.body.errors).toBeUndefined();
    expect(retry.headers.get('x-cache')).toBe('MISS');

    // 3. Another client, with nothing cached, gets the data by hash alone, from the edge cache, without SQL.
    const secondLog: Exchange[] = [];
    const second = await apolloClient(openUrl, secondLog).query({ query: PARTNER_QUERY, variables: PARTNER_VARIABLES });
    expect(second.data).toEqual(first.data);
    expect(secondLog).toHaveLength(1);
    const [byHash] = secondLog as [Exchange];
    expect(byHash.method).toBe('GET');
    expect(byHash.url.searchParams.has('query')).toBe(false);
    expect(persistedHash(byHash.url)).toBe(hash);
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get('x-cache')).toBe('HIT');
    expect(statementsFromServerTiming(byHash.headers.get('server-timing'))).toBe(0);
    expect(byHash.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
  });

  it('runs a trusted operation (ArticlePage) by its published hash alone, with no registration', async () => {
    // Partners with the operation manifest hash documents from it instead of hashing the printed text.
    const manifest = new Map(operations.map((op) => [op.name, op.sha256]));
    const byName = (document: DocumentNode) => manifest.get(getOperationAST(document)?.name?.value ?? '') ?? '';
    const log: Exchange[] = [];
    const client = apolloClient(openUrl, log, { generateHash: byName });
    const result = await client.query({
      query: gql(page.document),
      variables: page.variables,
      fetchPolicy: 'no-cache',
    });

    expect(log).toHaveLength(1);
    const [only] = log as [Exchange];
    expect(only.method).toBe('GET');
    expect(only.url.searchParams.has('query')).toBe(false);
    expect(persistedHash(only.url)).toBe(page.sha256);
    expect(only.status).toBe(200);

    const article = (result.data as any).article;
    const [row] = await database.admin.query.articles.findMany({
      where: { path: page.variables.path as string },
      columns: { title: true },
    });
    expect(row).toBeDefined();
    expect(article.title).toBe(row?.title);
    expect(article.url).toMatch(new RegExp(`${page.variables.path as string}$`));
  });

  it('answers a hash that does not match the text with 400 PERSISTED_QUERY_HASH_MISMATCH and registers nothing', async () => {
    const query = '{ site { name copyright } }';
    const wrong = sha256(`${query} `);
    for (const method of ['GET', 'POST'] as const) {
      const mismatch = await send(openUrl, { query, hash: wrong }, { method });
      expect(mismatch.status, method).toBe(400);
      expect(codes(mismatch.body), method).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);
      expect(mismatch.body.data, method).toBeUndefined();
    }
    const later = await send(openUrl, { hash: wrong });
    expect(codes(later.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('trusted-documents-only mode', () => {
  const ARBITRARY = '{ channels { path name } }';

  it('refuses an arbitrary query from an anonymous caller with 403 TRUSTED_DOCUMENT_REQUIRED', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const refused = await send(strictUrl, { query: ARBITRARY }, { method });
      expect(refused.status, method).toBe(403);
      expect(codes(refused.body), method).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
      expect(refused.body.data, method).toBeUndefined();
      expect(refused.statements, method).toBe(0);
    }
  });

  it('runs a trusted operation by hash alone', async () => {
    const byHash = await send(strictUrl, { hash: page.sha256, variables: page.variables });
    expect(byHash.status).toBe(200);
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data.article.url).toMatch(new RegExp(`${page.variables.path as string}$`));
    expect(byHash.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
  });

  it('runs the text of a trusted operation, exact or reformatted', async () => {
    const exact = await send(strictUrl, { query: feed.document, variables: feed.variables }, { method: 'POST' });
    expect(exact.status).toBe(200);
    expect(exact.body.data.articles.edges.length).toBeGreaterThan(0);

    const compact = stripIgnoredCharacters(feed.document);
    expect(sha256(compact)).not.toBe(feed.sha256);
    for (const method of ['GET', 'POST'] as const) {
      const reformatted = await send(strictUrl, { query: compact, variables: feed.variables }, { method });
      expect(reformatted.status, method).toBe(200);
      expect(reformatted.body.errors, method).toBeUndefined();
      expect(reformatted.body.data, method).toEqual(exact.body.data);
      // Sent APQ-style, with the hash of the reformatted text, as a client printing the document would.
      const apqStyle = await send(
        strictUrl,
        { query: compact, variables: feed.variables, hash: sha256(compact) },
        { method },
      );
      expect(apqStyle.status, method).toBe(200);
      expect(apqStyle.body.data, method).toEqual(exact.body.data);
    }
  });

  it('lets a caller with the editor token run an arbitrary query', async () => {
    const editor = await send(
      strictUrl,
      { query: ARBITRARY },
      { headers: { authorization: `Bearer ${EDITOR_TOKEN}` } },
    );
    expect(editor.status).toBe(200);
    expect(editor.body.errors).toBeUndefined();
    expect(editor.body.data.channels.length).toBeGreaterThan(0);
    // Never from or into the shared cache.
    expect(editor.xCache).toBe('BYPASS');
    expect(editor.headers.get('cache-control')).toBe('private, no-store');
  });

  it('does not let an anonymous APQ registration make an arbitrary query runnable', async () => {
    const query = '{ channels { id path } }';
    const hash = sha256(query);
    for (const method of ['GET', 'POST'] as const) {
      const register = await send(strictUrl, { query, hash }, { method });
      expect(register.status, method).toBe(403);
      expect(codes(register.body), method).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    }
    const byHash = await send(strictUrl, { hash });
    expect(byHash.body.data).toBeUndefined();
    expect(codes(byHash.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    // The same through Apollo Client: the miss, the refused retry, and an error for the application.
    const log: Exchange[] = [];
    await expect(
      apolloClient(strictUrl, log).query({ query: PARTNER_QUERY, variables: PARTNER_VARIABLES }),
    ).rejects.toThrow(/published operations/);
    expect(log.map((exchange) => exchange.status)).toEqual([200, 403]);
    expect(codes(log[0]?.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(codes(log[1]?.body)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    const again = await send(strictUrl, {
      hash: persistedHash((log[0] as Exchange).url) ?? '',
      variables: PARTNER_VARIABLES,
    });
    expect(codes(again.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('does not let a document an editor registered run for anonymous callers', async () => {
    const query = '{ channels { slug } }';
    const hash = sha256(query);
    const editor = await send(strictUrl, { query, hash }, { headers: { authorization: `Bearer ${EDITOR_TOKEN}` } });
    expect(editor.status).toBe(200);
    expect(editor.body.data.channels.length).toBeGreaterThan(0);
    const anonymous = await send(strictUrl, { hash });
    expect(anonymous.status).toBe(403);
    expect(codes(anonymous.body)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
  });

  // Encodings the edge cache does not read itself must not slip past the allow-list to Yoga.
  const bypasses: [string, () => Promise<Response>][] = [
    [
      'POST application/graphql',
      () => fetch(strictUrl, { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: ARBITRARY }),
    ],
    [
      'POST application/x-www-form-urlencoded',
      () =>
        fetch(strictUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ query: ARBITRARY }).toString(),
        }),
    ],
    [
      'POST application/graphql+json',
      () =>
        fetch(strictUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/graphql+json' },
          body: JSON.stringify({ query: ARBITRARY }),
        }),
    ],
    ['GET /graphql/ (trailing slash)', () => fetch(`${strictUrl}/?query=${encodeURIComponent(ARBITRARY)}`)],
  ];
  for (const [name, request] of bypasses) {
    it(`refuses an arbitrary anonymous query sent as ${name}`, async () => {
      const response = await request();
      const body: any = await response.json();
      expect(body.data).toBeUndefined();
      // 403 when the document is read and refused; 415 when the encoding is not accepted at all.
      expect([403, 415]).toContain(response.status);
    });
  }
});
