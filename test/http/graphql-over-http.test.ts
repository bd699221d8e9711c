import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/cache/keys';
import { statementsFromServerTiming } from '../../src/gateway/server-timing';
import { useGateway } from '../support/gateway';
import { operation } from '../support/operations';

/**
 * GraphQL-over-HTTP (https://graphql.github.io/graphql-over-http/) through the whole gateway: edge
 * cache and persisted-query handling in front, Yoga behind, as a partner's HTTP client sees it.
 */

const EDITOR_TOKEN = 'editor-token-for-http-tests';
const { send } = useGateway({ cacheBytes: 16 * 2 ** 20, editorToken: EDITOR_TOKEN });
const feed = operation('ChannelFeed');

const URL_BASE = 'http://gateway.test/graphql';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

function get(params: Record<string, string>, headers: Record<string, string> = { accept: GRAPHQL_RESPONSE }) {
  const url = new URL(URL_BASE);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return new Request(url, { headers });
}

function post(body: string, headers: Record<string, string> = {}) {
  return new Request(URL_BASE, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, ...headers },
    body,
  });
}

async function read(request: Request) {
  const response = await send(request);
  const text = await response.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // left null: the assertions say what was expected instead
  }
  return {
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type') ?? '',
    xCache: response.headers.get('x-cache'),
    statements: statementsFromServerTiming(response.headers.get('server-timing')),
    text,
    body,
  };
}

const codes = (body: any): string[] => (body?.errors ?? []).map((e: any) => e.extensions?.code);

/** A request error: no `data` at all, at least one error, and nothing a shared cache may keep. */
function expectRequestError(response: Awaited<ReturnType<typeof read>>, status: number, code?: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.body, response.text).not.toBeNull();
  expect(response.body).not.toHaveProperty('data');
  expect(response.body.errors.length).toBeGreaterThan(0);
  for (const error of response.body.errors) expect(typeof error.message).toBe('string');
  if (code) expect(codes(response.body)).toContain(code);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
}

describe('GraphQL over HTTP: successful requests', () => {
  it('answers a GET with 200 and application/graphql-response+json when the client accepts it', async () => {
    for (const accept of [GRAPHQL_RESPONSE, `${GRAPHQL_RESPONSE}, application/json;q=0.9`]) {
      const response = await read(get({ query: '{ site { name } }' }, { accept }));
      expect(response.status, accept).toBe(200);
      expect(response.contentType, accept).toMatch(/^application\/graphql-response\+json/);
      expect(response.body.data, accept).toEqual({ site: { name: expect.any(String) } });
      expect(response.body.errors, accept).toBeUndefined();
    }
  });

  it('answers with application/json when the client accepts only that (credentialed, uncached path)', async () => {
    const response = await read(
      get({ query: '{ site { url } }' }, { accept: 'application/json', authorization: `Bearer ${EDITOR_TOKEN}` }),
    );
    expect(response.status).toBe(200);
    expect(response.xCache).toBe('BYPASS');
    expect(response.contentType).toMatch(/^application\/json/);
    expect(response.body.data.site.url).toMatch(/^https?:\/\//);
  });

  // Cached answers are rendered per request, so the media type must follow each request's Accept.
  it('answers anonymous queries with application/json when only that (or nothing) is accepted', async () => {
    const params = { query: '{ site { copyright } }' };
    const miss = await read(get(params, { accept: 'application/json' }));
    const hit = await read(get(params, { accept: 'application/json' }));
    const noAccept = await read(get(params, {}));
    expect([miss.status, hit.status, noAccept.status]).toEqual([200, 200, 200]);
    expect([miss.xCache, hit.xCache, noAccept.xCache]).toEqual(['MISS', 'HIT', 'HIT']);
    for (const response of [miss, hit, noAccept]) expect(response.contentType).toMatch(/^application\/json/);
  });

  it('answers a POST with 200 and the same data as the GET, from the same cache entry', async () => {
    const variables = { channel: 'ruiping', first: 2 };
    const viaPost = await read(post(JSON.stringify({ query: feed.document, variables })));
    expect(viaPost.status).toBe(200);
    expect(viaPost.contentType).toMatch(/^application\/graphql-response\+json/);
    expect(viaPost.body.errors).toBeUndefined();
    expect(viaPost.body.data.articles.edges).toHaveLength(2);
    expect(viaPost.xCache).toBe('MISS');

    const viaGet = await read(get({ query: feed.document, variables: JSON.stringify(variables) }));
    expect(viaGet.status).toBe(200);
    expect(viaGet.xCache).toBe('HIT');
    expect(viaGet.body).toEqual(viaPost.body);
  });

  it('gives anonymous query responses ETag, public Cache-Control, X-Cache and Server-Timing, and honours If-None-Match', async () => {
    const params = { query: '{ channels { path name } }' };
    const miss = await read(get(params));
    expect(miss.status).toBe(200);
    const etag = miss.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(miss.headers.get('cache-control')).toMatch(/^public, max-age=[1-9]\d*(,|$)/);
    expect(miss.xCache).toBe('MISS');
    expect(miss.headers.get('server-timing')).toMatch(/(^|, )total;dur=[\d.]+/);
    expect(miss.statements).toBeGreaterThanOrEqual(1);

    const hit = await read(get(params));
    expect(hit.status).toBe(200);
    expect(hit.xCache).toBe('HIT');
    expect(hit.statements).toBe(0);
    expect(hit.headers.get('etag')).toBe(etag);
    expect(hit.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(hit.body).toEqual(miss.body);

    const notModified = await send(get(params, { accept: GRAPHQL_RESPONSE, 'if-none-match': etag ?? '' }));
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
  });
});

describe('GraphQL over HTTP: refused requests', () => {
  const retract = 'mutation Retract($id: ID!) { retractArticle(id: $id) { status } }';
  const id = btoa('Article:1');

  it('refuses a mutation over GET with 405 and Allow: POST', async () => {
    const response = await read(get({ query: retract, variables: JSON.stringify({ id }) }));
    expectRequestError(response, 405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses a persisted mutation sent by hash over GET with 405 too', async () => {
    const hash = await sha256Hex(retract);
    // Registered by an (unauthenticated, so harmless) POST carrying the text...
    const registered = await read(
      post(
        JSON.stringify({
          query: retract,
          variables: { id },
          extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        }),
      ),
    );
    expect(codes(registered.body)).toEqual(['UNAUTHENTICATED']);
    // ...then replayed by hash over GET.
    const replay = await read(
      get({
        variables: JSON.stringify({ id }),
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
      }),
    );
    expectRequestError(replay, 405);
    expect(replay.headers.get('allow')).toBe('POST');
  });

  it('answers a malformed JSON body with 400', async () => {
    expectRequestError(await read(post('{"query": "{ site { name } }"')), 400, 'BAD_REQUEST');
    expectRequestError(await read(post('not json at all')), 400, 'BAD_REQUEST');
  });

  it('answers a syntax error with 400 and the error with its location', async () => {
    for (const request of [get({ query: '{ site { name }' }), post(JSON.stringify({ query: '{ site { name }' }))]) {
      const response = await read(request);
      expectRequestError(response, 400, 'GRAPHQL_PARSE_FAILED');
      expect(response.body.errors[0].message).toMatch(/^Syntax Error/);
      expect(response.body.errors[0].locations).toEqual([{ line: 1, column: expect.any(Number) }]);
    }
  });

  it('answers an unknown field with 400 (validation) under application/graphql-response+json', async () => {
    for (const request of [get({ query: '{ site { nope } }' }), post(JSON.stringify({ query: '{ site { nope } }' }))]) {
      const response = await read(request);
      expectRequestError(response, 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(response.body.errors[0].message).toMatch(/Cannot query field "nope"/);
    }
  });

  it('answers an unknown field with 200 under legacy application/json, as the spec allows', async () => {
    const response = await read(get({ query: '{ site { nope2 } }' }, { accept: 'application/json' }));
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(codes(response.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.body).not.toHaveProperty('data');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('answers a request without a query with 400', async () => {
    expectRequestError(await read(get({})), 400, 'BAD_REQUEST');
    expectRequestError(await read(get({ variables: '{}' })), 400, 'BAD_REQUEST');
    expectRequestError(await read(post('{}')), 400, 'BAD_REQUEST');
    expectRequestError(await read(post(JSON.stringify({ variables: {} }))), 400, 'BAD_REQUEST');
  });

  it('answers variables of the wrong type with 400', async () => {
    const response = await read(
      get({ query: 'query($first: Int) { articles(first: $first) { edges { cursor } } }', variables: '{"first":"x"}' }),
    );
    expectRequestError(response, 400);
    expect(response.body.errors[0].message).toMatch(/\$first/);
  });

  // Unparsable `variables` / `extensions` are the caller's mistake, not an unexpected server error.
  it('answers a GET whose variables or extensions are not JSON with 400', async () => {
    const query = 'query($first: Int) { articles(first: $first) { edges { cursor } } }';
    expectRequestError(await read(get({ query, variables: '{first: 2}' })), 400, 'BAD_REQUEST');
    expectRequestError(await read(get({ query, extensions: '{persistedQuery' })), 400, 'BAD_REQUEST');
  });
});

describe('GraphQL over HTTP: what error responses reveal', () => {
  it('never contains a stack trace, a source path or SQL, whatever the caller sends', async () => {
    const requests: [string, Request][] = [
      ['malformed JSON', post('{"query":')],
      ['JSON array (batch)', post('[{"query":"{ site { name } }"}]')],
      ['query not a string', post('{"query": 5}')],
      ['syntax error', get({ query: 'query {' })],
      ['unknown field', get({ query: '{ articles { nodes } }' })],
      ['unknown type condition', get({ query: '{ node(id: "x") { ... on Nope { id } } }' })],
      [
        'wrong variable type',
        get({ query: 'query($p: String!) { articleByPath(path: $p) { id } }', variables: '{"p":1}' }),
      ],
      ['variables not JSON', get({ query: 'query($p: String!) { articleByPath(path: $p) { id } }', variables: '{p' })],
      ['invalid cursor', get({ query: '{ articles(first: 2, after: "zzz") { edges { cursor } } }' })],
      ['invalid global ID', get({ query: '{ article(id: "!!!") { id } }' })],
      ['ID of another type', get({ query: `{ article(id: "${btoa('Channel:1')}") { id } }` })],
      ['first out of range', get({ query: '{ articles(first: 100000) { edges { cursor } } }' })],
      ['SQL-looking path', get({ query: `{ articleByPath(path: "/x'; select pg_sleep(1); --") { id } }` })],
      [
        'anonymous mutation',
        post(JSON.stringify({ query: 'mutation { publishArticle(id: "QXJ0aWNsZToxMDAwMDAw") { status } }' })),
      ],
      [
        'wrong editor token',
        post(JSON.stringify({ query: 'mutation { publishArticle(id: "x") { status } }' }), {
          authorization: 'Bearer wrong',
        }),
      ],
      [
        'unknown persisted hash',
        get({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } }) }),
      ],
      [
        'hash mismatch',
        get({
          query: '{ site { name } }',
          extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } }),
        }),
      ],
    ];
    const leaks = [
      /\bat\s+\S+\s+\(/, // stack frame: "at fn (file:line)"
      /\n\s+at\s/,
      /"stack"/,
      /node_modules|\/work\/|file:\/\//,
      /\.[cm]?[jt]s:\d+/,
      /\bselect\b[\s\S]{0,200}\bfrom\b/i,
      /\b(insert into|update \S+ set|delete from)\b/i,
      /\bpg_|pglite|postgres|drizzle|relation "/i,
    ];
    for (const [name, request] of requests) {
      const response = await read(request);
      expect(response.status, name).toBeLessThan(500);
      for (const leak of leaks) {
        // The caller's own SQL-looking input may be echoed in a validation message; anything else may not.
        const text = name === 'SQL-looking path' ? response.text.replace(/pg_sleep/g, '') : response.text;
        expect(text, `${name}: ${response.text}`).not.toMatch(leak);
      }
    }
  });
});
