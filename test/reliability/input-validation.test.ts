// Bad input, answered cleanly (deterministic cases beside fuzz.test.ts): BAD_USER_INPUT with a
// message a partner can act on, or null where the thing does not exist; `nodes(ids:)` answering
// each id on its own; strings with NUL or an unpaired surrogate refused before any SQL; a code on
// every error. Then the bugs the fuzz found, kept as regressions.
import { describe, expect, it } from 'vitest';
import { statementsFromServerTiming } from '../../src/gateway/server-timing';
import { useGateway } from '../support/gateway';

const EDITOR_TOKEN = 'input-validation-editor-token';
const REFERENCE_PATH = '/yaowen/shandong/20240315/sdwchy.html';
const id = (typename: string, n: number | string) => btoa(`${typename}:${n}`);

interface Sent {
  status: number;
  statements: number | null;
  text: string;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] };
}

describe('bad input gets a clean answer', () => {
  const { send } = useGateway({ cacheBytes: 2 ** 20, editorToken: EDITOR_TOKEN });

  async function ask(request: Request): Promise<Sent> {
    const response = await send(request);
    const text = await response.text();
    return {
      status: response.status,
      statements: statementsFromServerTiming(response.headers.get('server-timing')),
      text,
      body: JSON.parse(text),
    };
  }
  /** A POST with the JSON body given as text (so it may hold what JSON.stringify would not write). */
  const postText = (body: string, headers: Record<string, string> = {}) =>
    ask(
      new Request('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body,
      }),
    );
  const post = (query: string, variables: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
    postText(JSON.stringify({ query, variables, ...extra }));
  const get = (query: string, variables?: string) => {
    const search = new URLSearchParams({ query, ...(variables !== undefined && { variables }) });
    return ask(new Request(`http://gateway.test/graphql?${search}`, { headers: { accept: 'application/json' } }));
  };

  function expectRefused(sent: Sent, message: RegExp, what: string) {
    expect(sent.body.errors, `${what}: ${sent.text}`).toHaveLength(1);
    expect(sent.body.errors?.[0]?.extensions?.code, what).toBe('BAD_USER_INPUT');
    expect(sent.body.errors?.[0]?.message, what).toMatch(message);
    // Refused on sight: nothing was asked of the database.
    expect(sent.statements, what).toBe(0);
  }

  it('nodes(ids:) answers each id on its own: the object, null for no row, an error at the place of a bad id', async () => {
    const reference = await post('query ($p: String!) { articleByPath(path: $p) { id } }', { p: REFERENCE_PATH });
    const articleId = reference.body.data?.articleByPath?.id as string;
    expect(articleId).toBeTruthy();
    const ids = [articleId, id('Article', 999_999), 'bad', id('Channel', 1), id('Site', 1), id('Tag', 1)];
    const sent = await post('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids });
    expect(sent.status).toBe(200);
    expect(sent.body.data?.nodes).toEqual([
      { __typename: 'Article', id: articleId },
      null,
      null,
      { __typename: 'Channel', id: id('Channel', 1) },
      null,
      { __typename: 'Tag', id: id('Tag', 1) },
    ]);
    expect(sent.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['nodes', 2], 'BAD_USER_INPUT'],
      [['nodes', 4], 'BAD_USER_INPUT'],
    ]);
    expect(sent.body.errors?.[0]?.message).toMatch(/"bad" is not a valid ID: use an `id` returned by this API/);
    expect(sent.body.errors?.[1]?.message).toMatch(/No type Site can be fetched by ID/);

    const tooMany = await post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 101 }, () => articleId),
    });
    expectRefused(tooMany, /at most 100 IDs/, '101 ids');
  });

  it('answers null, without an error, for what does not exist', async () => {
    const sent = await post(
      `{ a: article(id: "${id('Article', 999_999)}") { title } b: articleByPath(path: "/yaowen/none/20240101/x.html") { title }
         c: channel(path: "nowhere") { name } d: node(id: "${id('Tag', 123_456)}") { id } }`,
    );
    expect(sent.body.errors).toBeUndefined();
    expect(sent.body.data).toEqual({ a: null, b: null, c: null, d: null });
  });

  it.each([
    ['first: 0', '{ articles(first: 0) { edges { cursor } } }', /`first` must be between 1 and 100; got 0/],
    ['first: 101', '{ articles(first: 101) { edges { cursor } } }', /`first` must be between 1 and 100; got 101/],
    ['last: -1', '{ articles(last: -1) { edges { cursor } } }', /`last` must be between 1 and 100/],
    ['a malformed cursor', '{ articles(after: "abc") { edges { cursor } } }', /cursor is not valid: pass an `after`/],
    [
      'a cursor of another shape',
      `{ articles(after: "${btoa('DC:T:["N:1","D:1"]')}") { edges { cursor } } }`,
      /cursor is not valid/,
    ],
    [
      'an impossible date',
      '{ articles(publishedAfter: "2024-02-30") { edges { cursor } } }',
      /not a valid DateTime: use ISO 8601/,
    ],
    [
      'a date-time without an offset',
      '{ articles(publishedAfter: "2024-03-15T19:05:37") { edges { cursor } } }',
      /not a valid DateTime/,
    ],
    [
      'an empty date range',
      '{ articles(publishedAfter: "2024-03-15", publishedBefore: "2024-03-01") { edges { cursor } } }',
      /range is empty/,
    ],
    ['a malformed channel path', '{ articles(channel: "../x") { edges { cursor } } }', /not a channel path: use slugs/],
    ['a malformed id', '{ article(id: "abc") { title } }', /not a valid ID: use an `id` returned by this API/],
    [
      'an id of another type',
      `{ article(id: "${id('Channel', 1)}") { title } }`,
      /belongs to a Channel, not an Article/,
    ],
    ['an empty path', '{ articleByPath(path: "") { title } }', /`path` must be an article path/],
    ['a path too long', `{ articleByPath(path: "/${'x'.repeat(600)}") { title } }`, /`path` must be an article path/],
  ])('%s is BAD_USER_INPUT, saying what to send, before any SQL', async (what, query, message) => {
    expectRefused(await post(query), message, what);
  });

  it('refuses strings with NUL or an unpaired surrogate before any SQL, wherever they are', async () => {
    const query = 'query ($p: String!) { articleByPath(path: $p) { title } }';
    const unfit = /NUL characters \(\\u0000\) or unpaired UTF-16 surrogates/;
    const cases: [string, Promise<Sent>][] = [
      ['NUL in a variable (POST)', post(query, { p: `${REFERENCE_PATH}\0` })],
      ['a lone high surrogate in a variable (POST)', post(query, { p: '/yaowen/\ud800.html' })],
      ['a lone low surrogate in a variable (GET)', get(query, JSON.stringify({ p: '\udc00' }))],
      ['NUL escaped in a literal', post('{ articleByPath(path: "a\\u0000b") { title } }')],
      ['NUL in the operation name', post(query, { p: REFERENCE_PATH }, { operationName: 'A\0' })],
      ['NUL in a key of the extensions', postText(`{"query":${JSON.stringify(query)},"extensions":{"a\\u0000":1}}`)],
      ['NUL in the query string', get('{ channels { path } }\0')],
    ];
    for (const [what, pending] of cases) {
      const sent = await pending;
      expect(sent.status, what).toBe(400);
      expectRefused(sent, unfit, what);
    }
  });

  it('gives every error a code, GraphQL’s own and the transport’s included', async () => {
    const codes = async (pending: Promise<Sent>) => {
      const sent = await pending;
      expect(sent.status, sent.text).toBeLessThan(500);
      return sent.body.errors?.map((error) => error.extensions?.code);
    };
    expect(await codes(post('{ articles(first: 2 { edges }'))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(await codes(post('{ nope }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await codes(post('{ articles(first: 1.5) { edges { cursor } } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await codes(post('{ articles(first: 99999999999) { edges { cursor } } }'))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    const variable = 'query ($n: Int) { articles(first: $n) { edges { cursor } } }';
    expect(await codes(postText(`{"query":${JSON.stringify(variable)},"variables":{"n":1e400}}`))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await codes(post(variable, { n: 2 ** 31 }))).toEqual(['BAD_USER_INPUT']);
    expect(await codes(post(variable, { n: '5' }))).toEqual(['BAD_USER_INPUT']);
    expect(await codes(post('query A { site { name } }', {}, { operationName: 'B' }))).toEqual([expect.any(String)]);
    expect(await codes(get('mutation { retractArticle(id: "x") { status } }'))).toEqual(['BAD_REQUEST']);
    expect(await codes(postText(`[{"query":"{ site { name } }"}]`))).toEqual(['BAD_REQUEST']);
    expect(await codes(postText('{'))).toEqual(['BAD_REQUEST']);
    expect(await codes(postText('{"variables":{}}'))).toEqual(['BAD_REQUEST']);
    expect(await codes(post('mutation { retractArticle(id: "x") { status } }'))).toEqual(['UNAUTHENTICATED']);
  });

  // Bugs the fuzz found, each fixed in src/ and kept here so it stays fixed.
  describe('found by the fuzz', () => {
    it('a NUL written as a braced escape (`\\u{0}`) in a literal is refused before SQL', async () => {
      // GraphQL 16 reads "\u{0}" as NUL; src/gateway/request.ts only looks for "\u0000".
      const sent = await post('{ articleByPath(path: "a\\u{0}b") { title } }');
      // Was: INTERNAL_SERVER_ERROR (Postgres: invalid byte sequence for encoding "UTF8": 0x00), 1 statement.
      expectRefused(sent, /NUL/, 'braced escape');
    });

    it('an article path whose percent-escapes decode to NUL is null or BAD_USER_INPUT', async () => {
      // normaliseArticlePath decodes "%00" to NUL after the request's strings were checked.
      const sent = await post('query ($p: String!) { articleByPath(path: $p) { title } }', { p: '/%00.html' });
      // Was: INTERNAL_SERVER_ERROR, 1 statement.
      expect(sent.body.errors?.map((error) => error.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
      expect(sent.statements).toBe(0);
    });

    it.each([
      ['after year 9999 in UTC', '9999-12-31T23:59:59-14:00'],
      ['in year 0 in UTC', '0001-01-01T00:00:00+14:00'],
    ])('a DateTime %s is BAD_USER_INPUT, not an internal error', async (_what, date) => {
      // parseDateTimeInput accepts it; Drizzle writes it with toISOString ("+010000-…", "0000-…"), which
      // Postgres cannot read: "time zone displacement out of range" / "date/time field value out of range".
      const sent = await post('query ($d: DateTime) { articles(publishedAfter: $d) { edges { cursor } } }', {
        d: date,
      });
      expectRefused(sent, /DateTime/, date);
    });

    it('a cursor whose date is past year 9999 is BAD_USER_INPUT, not an internal error', async () => {
      // checkCursor allows dates up to 8.64e15 ms; past 9999-12-31 Postgres cannot read them as sent.
      const cursor = btoa('DC:T:["D:253402300800000","N:1"]');
      expectRefused(await post(`{ articles(after: "${cursor}") { edges { cursor } } }`), /cursor/, 'cursor date');
    });

    it('a feed asked for its __typename alone still checks its arguments', async () => {
      // The connection's resolver (which checks first/last, cursors, dates, channel) does not run when
      // no edge or page info is selected: the bad request is answered 200, and cached.
      expectRefused(
        await post('{ articles(first: 0) { __typename } }'),
        /`first` must be between 1 and 100/,
        'first: 0',
      );
    });

    it('a POST of an unsupported media type gets an error with a code', async () => {
      const response = await send(
        new Request('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: '<query>{ site { name } }</query>',
        }),
      );
      // Was: 415 with an empty body (so too text/plain with the CSRF header).
      expect(response.status).toBe(415);
      const body = JSON.parse(await response.text()) as Sent['body'];
      expect(body.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
    });
  });
});
