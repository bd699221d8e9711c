import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/gateway/limits';
import { useNodeGateway } from '../support/node-server';

/**
 * The documented request limits (src/gateway/limits.ts: body 64 KiB, document nesting 64, document
 * tokens 1,000, variables depth 16), as a client meets them: over the gateway's fetch API (the
 * Worker's path), over real HTTP to the Node server's fast path (anonymous requests), and over real
 * HTTP through Yoga's own Node adapter (previews skip the fast path). The limits on what a document
 * asks for (depth, aliases, cost...) are in test/security/. Each refusal has
 * its status, an `extensions.code` to branch on, a message that says what to change, and no trace
 * of the server's insides; and the server keeps answering afterwards.
 */

const { bodyBytes, documentNesting, documentTokens, variablesDepth } = DEFAULT_LIMITS;
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Sent {
  method: 'GET' | 'POST';
  /** Path and query string, e.g. `/graphql?query=...`. */
  target?: string;
  body?: string;
  contentType?: string;
  /** The body as a stream of 16 KB chunks with no length announced (Transfer-Encoding: chunked over HTTP). */
  chunked?: boolean;
}

interface Answer {
  status: number;
  text: string;
  json: any;
  headers: Headers;
  ms: number;
  /** A network failure instead of a response (the connection closed or reset). */
  error?: string;
}

interface Transport {
  name: string;
  send(request: Sent): Promise<Answer>;
}

const utf8 = new TextEncoder();

function chunksOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 16_384));
      offset += 16_384;
    },
  });
}

function requestInit(sent: Sent, extraHeaders: Record<string, string>, declareLength: boolean): RequestInit {
  const headers: Record<string, string> = { accept: GRAPHQL_RESPONSE, ...extraHeaders };
  if (sent.method === 'GET') return { method: 'GET', headers };
  headers['content-type'] = sent.contentType ?? 'application/json';
  // A form POST needs the CSRF header (test/security/ shows it refused without).
  if (sent.contentType === 'application/x-www-form-urlencoded') headers['x-graphql-csrf'] = '1';
  const bytes = utf8.encode(sent.body ?? '');
  if (sent.chunked) return { method: 'POST', headers, body: chunksOf(bytes), duplex: 'half' } as RequestInit;
  if (declareLength) headers['content-length'] = String(bytes.byteLength);
  return { method: 'POST', headers, body: bytes };
}

async function answerOf(started: number, respond: () => Promise<Response>): Promise<Answer> {
  let response: Response;
  try {
    response = await respond();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      status: -1,
      text: '',
      json: null,
      headers: new Headers(),
      ms: performance.now() - started,
      error: `${String(error)}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`,
    };
  }
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // left null: the assertions show the text instead
  }
  return { status: response.status, text, json, headers: response.headers, ms: performance.now() - started };
}

const { gateway, server } = useNodeGateway();

const viaFetchApi: Transport = {
  name: 'gateway.fetch',
  send: (sent) => {
    const started = performance.now();
    // As the Worker's runtime hands it over: a declared length, or a stream of unknown length.
    return answerOf(started, () =>
      gateway().fetch(new Request(`http://gateway.test${sent.target ?? '/graphql'}`, requestInit(sent, {}, true))),
    );
  },
};

function overHttp(name: string, extraHeaders: Record<string, string>): Transport {
  return {
    name,
    send: (sent) => {
      const started = performance.now();
      return answerOf(started, () =>
        fetch(`${server().origin}${sent.target ?? '/graphql'}`, requestInit(sent, extraHeaders, false)),
      );
    },
  };
}

const TRANSPORTS: Transport[] = [
  viaFetchApi,
  overHttp('Node server (fast path, anonymous)', {}),
  // A preview (no cache) sends the request through Yoga's own Node adapter instead of the fast path.
  overHttp("Node server (Yoga's adapter, preview)", { 'x-preview': '1' }),
];

/** Signs of the server's insides: stack frames, source paths, file URLs. */
const LEAKS = [
  /\n\s+at\s/,
  /\bat\s+\S+\s+\(/,
  /"stack"/,
  /node_modules|\/work\/|\/tmp\/|\/src\/|file:\/\//,
  /\.[cm]?[jt]s:\d+/,
  /RangeError|Maximum call stack/,
];

function describeAnswer(answer: Answer) {
  return answer.error ?? `${answer.status} ${answer.text.slice(0, 400)}`;
}

function expectNoLeak(answer: Answer) {
  for (const leak of LEAKS) expect(answer.text, describeAnswer(answer)).not.toMatch(leak);
}

/** A refusal a client can act on: the status, the code, a message naming the limit, nothing inside. */
function expectRefusal(answer: Answer, status: number, code: string, message: RegExp) {
  if (answer.error) expect.fail(`expected ${status} ${code}, got no response: ${answer.error}`);
  expect(answer.status, describeAnswer(answer)).toBe(status);
  expect(answer.json, describeAnswer(answer)).not.toBeNull();
  expect(answer.json).not.toHaveProperty('data');
  expect(answer.json.errors?.[0]?.extensions?.code, describeAnswer(answer)).toBe(code);
  expect(answer.json.errors[0].message, describeAnswer(answer)).toMatch(message);
  expect(answer.headers.get('cache-control')).toBe('private, no-store');
  expectNoLeak(answer);
}

/** Never a server error, whatever the request: a 4xx (or a GraphQL error that is not INTERNAL). */
function expectClientError(answer: Answer) {
  if (answer.error) expect.fail(`expected a 4xx, got no response: ${answer.error}`);
  expect(answer.status, describeAnswer(answer)).toBeGreaterThanOrEqual(400);
  expect(answer.status, describeAnswer(answer)).toBeLessThan(500);
  const codes = (answer.json?.errors ?? []).map((e: any) => e.extensions?.code);
  expect(codes, describeAnswer(answer)).not.toContain('INTERNAL_SERVER_ERROR');
  expectNoLeak(answer);
}

/** Asks `{ __typename }` and expects the answer: the server survived what came before. */
async function expectStillServing(transport: Transport) {
  const answer = await transport.send({ method: 'GET', target: `/graphql?${search({ query: '{ __typename }' })}` });
  expect(answer.status, `the server stopped serving: ${describeAnswer(answer)}`).toBe(200);
  expect(answer.json.data).toEqual({ __typename: 'Query' });
}

const search = (params: Record<string, string>) => new URLSearchParams(params).toString();
const getQuery = (query: string, variables?: string): Sent => ({
  method: 'GET',
  target: `/graphql?${search(variables === undefined ? { query } : { query, variables })}`,
});
const postJson = (payload: unknown): Sent => ({ method: 'POST', body: JSON.stringify(payload) });

/** `{"query":"{ __typename }"}` padded with spaces (still valid JSON) to exactly `bytes` bytes. */
function paddedBody(bytes: number) {
  const json = JSON.stringify({ query: '{ __typename }' });
  return json + ' '.repeat(bytes - json.length);
}

/**
 * A valid selection nested `levels` deep, on fields that exist (`__type(name:) { ofType { ofType ...`):
 * each `{` is a level, the outer selection set the first.
 */
function nestedIntrospection(levels: number) {
  const k = levels - 2;
  return `{ __type(name: "Channel") ${'{ ofType '.repeat(k)}{ name }${' }'.repeat(k)} }`;
}

/** `{a{a{a...}}}`: `levels` deep, two bytes a level plus one to close it. */
const nestedBraces = (levels: number) => `${'{a'.repeat(levels)}${'}'.repeat(levels)}`;

/**
 * A valid document of exactly `tokens` lexical tokens within every other limit: `{ ...F0 ...F1 … }`
 * with `fragment Fi on Query { __typename }` (9 tokens a fragment) and up to 8 aliases (3 tokens each).
 */
function documentOfTokens(tokens: number) {
  const fragments = Math.floor((tokens - 2 - 3 * 8) / 9);
  let rest = tokens - 2 - 9 * fragments;
  const aliases: string[] = [];
  while (rest >= 3) {
    aliases.push(` t${aliases.length}: __typename`);
    rest -= 3;
  }
  const plain = ' __typename'.repeat(rest);
  const spreads = Array.from({ length: fragments }, (_, i) => ` ...F${i}`).join('');
  const definitions = Array.from({ length: fragments }, (_, i) => ` fragment F${i} on Query { __typename }`).join('');
  return { query: `{${spreads}${aliases.join('')}${plain} }${definitions}`, fragments };
}

/** Variables `{"a":[[...]]}` whose nesting is `depth`, the variables object itself the first level. */
const nestedVariables = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

describe.each(TRANSPORTS)('limits over $name', (transport) => {
  describe(`request body (${bodyBytes} bytes)`, () => {
    for (const chunked of [false, true]) {
      const how = chunked ? 'streamed with no length announced (chunked)' : 'with its length announced';
      it(`refuses a body one byte over the limit, ${how}, with 413 PAYLOAD_TOO_LARGE`, async () => {
        const answer = await transport.send({ method: 'POST', body: paddedBody(bodyBytes + 1), chunked });
        await expectStillServing(transport);
        expectRefusal(answer, 413, 'PAYLOAD_TOO_LARGE', new RegExp(`larger than ${bodyBytes} bytes`));
      });

      it(`reads and answers a body of exactly the limit, ${how}`, async () => {
        const answer = await transport.send({ method: 'POST', body: paddedBody(bodyBytes), chunked });
        expect(answer.status, describeAnswer(answer)).toBe(200);
        expect(answer.json.data).toEqual({ __typename: 'Query' });
      });

      it(`refuses a 10 MB body, ${how}, within a second, and keeps serving`, async () => {
        const answer = await transport.send({ method: 'POST', body: paddedBody(10 * 2 ** 20), chunked });
        await expectStillServing(transport);
        expectRefusal(answer, 413, 'PAYLOAD_TOO_LARGE', new RegExp(`larger than ${bodyBytes} bytes`));
        expect(answer.ms).toBeLessThan(1_000);
      });
    }
  });

  describe(`document nesting (${documentNesting} levels)`, () => {
    const tooDeep = new RegExp(`nests deeper than ${documentNesting} levels`);

    it(`refuses a selection ${documentNesting + 1} levels deep with 400 DOCUMENT_TOO_DEEP, GET and POST`, async () => {
      const query = nestedIntrospection(documentNesting + 1);
      expectRefusal(await transport.send(getQuery(query)), 400, 'DOCUMENT_TOO_DEEP', tooDeep);
      expectRefusal(await transport.send(postJson({ query })), 400, 'DOCUMENT_TOO_DEEP', tooDeep);
    });

    it(`lets a selection exactly ${documentNesting} levels deep past the nesting check, to the depth limit (QUERY_TOO_DEEP)`, async () => {
      const query = nestedIntrospection(documentNesting);
      for (const sent of [getQuery(query), postJson({ query })]) {
        const answer = await transport.send(sent);
        expect(answer.status, describeAnswer(answer)).toBe(400);
        expect(answer.json?.errors?.[0]?.extensions?.code, describeAnswer(answer)).toBe('QUERY_TOO_DEEP');
      }
    });

    it('refuses a 20,000-level selection within the body limit with 400, as JSON and as application/graphql', async () => {
      const query = nestedBraces(20_000);
      expect(JSON.stringify({ query }).length).toBeLessThanOrEqual(bodyBytes);
      expectRefusal(await transport.send(postJson({ query })), 400, 'DOCUMENT_TOO_DEEP', tooDeep);
      const asGraphql: Sent = { method: 'POST', body: query, contentType: 'application/graphql' };
      expectRefusal(await transport.send(asGraphql), 400, 'DOCUMENT_TOO_DEEP', tooDeep);
      await expectStillServing(transport);
    });

    it('refuses a 170,000-level selection (over the body limit) with 413, never a server error', async () => {
      const answer = await transport.send(postJson({ query: nestedBraces(170_000) }));
      expectRefusal(answer, 413, 'PAYLOAD_TOO_LARGE', new RegExp(`larger than ${bodyBytes} bytes`));
      await expectStillServing(transport);
    });

    it('refuses a 2,000-level selection in a GET (a 14 KB URL) with 400 DOCUMENT_TOO_DEEP', async () => {
      const sent = getQuery(nestedBraces(2_000));
      expect(sent.target?.length).toBeLessThan(16_000);
      expectRefusal(await transport.send(sent), 400, 'DOCUMENT_TOO_DEEP', tooDeep);
    });

    it('answers 20,000- and 170,000-level selections in a GET with a 4xx (431 where the URL is too long for Node), and keeps serving', async () => {
      for (const levels of [20_000, 170_000]) {
        const answer = await transport.send(getQuery(nestedBraces(levels)));
        expectClientError(answer);
        if (answer.status === 400) expect(answer.json?.errors?.[0]?.extensions?.code).toBe('DOCUMENT_TOO_DEEP');
        else expect(answer.status, describeAnswer(answer)).toBe(431);
        await expectStillServing(transport);
      }
    });
  });

  describe(`document tokens (${documentTokens})`, () => {
    const tooMany = new RegExp(`more than ${documentTokens} tokens`);

    it(`runs a document of exactly ${documentTokens} tokens`, async () => {
      const { query, fragments } = documentOfTokens(documentTokens);
      const answer = await transport.send(postJson({ query }));
      expect(answer.status, describeAnswer(answer)).toBe(200);
      expect(answer.json?.data?.__typename, describeAnswer(answer)).toBe('Query');
      expect(fragments).toBeGreaterThan(100);
    });

    it(`refuses a valid document of more than ${documentTokens} tokens with 400 and a syntax error, every time`, async () => {
      const { query } = documentOfTokens(documentTokens + 1);
      expect(JSON.stringify({ query }).length).toBeLessThan(bodyBytes);
      // Twice: the first refusal must not leave the document parsed somewhere the second can find it.
      for (const attempt of ['first', 'second']) {
        const answer = await transport.send(postJson({ query }));
        expect(answer.status, `${attempt}: ${describeAnswer(answer)}`).toBe(400);
        expect(answer.json?.errors?.[0]?.message, `${attempt}: ${describeAnswer(answer)}`).toMatch(tooMany);
        expect(answer.json.errors[0].extensions?.code).toBe('DOCUMENT_TOO_LARGE');
        expectNoLeak(answer);
      }
    });

    it(`refuses ${documentTokens + 1} tokens in a GET with 400 and a syntax error`, async () => {
      const query = `{${' a'.repeat(documentTokens - 1)} }`;
      const answer = await transport.send(getQuery(query));
      expect(answer.status, describeAnswer(answer)).toBe(400);
      expect(answer.json?.errors?.[0]?.message, describeAnswer(answer)).toMatch(tooMany);
      expect(answer.json.errors[0].extensions?.code).toBe('DOCUMENT_TOO_LARGE');
      expectNoLeak(answer);
    });
  });

  describe(`variables depth (${variablesDepth})`, () => {
    const query = '{ __typename }';
    const tooDeep = (name: string) => new RegExp(`\`${name}\` nests deeper than ${variablesDepth} levels`);

    it(`refuses variables nested ${variablesDepth + 1} deep with 400 VARIABLES_TOO_DEEP, GET and POST`, async () => {
      const variables = nestedVariables(variablesDepth + 1);
      const post: Sent = { method: 'POST', body: `{"query":${JSON.stringify(query)},"variables":${variables}}` };
      for (const sent of [getQuery(query, variables), post]) {
        expectRefusal(await transport.send(sent), 400, 'VARIABLES_TOO_DEEP', tooDeep('variables'));
      }
    });

    it(`accepts variables nested ${variablesDepth} deep, GET and POST`, async () => {
      const variables = nestedVariables(variablesDepth);
      const post: Sent = { method: 'POST', body: `{"query":${JSON.stringify(query)},"variables":${variables}}` };
      for (const sent of [getQuery(query, variables), post]) {
        const answer = await transport.send(sent);
        expect(answer.status, describeAnswer(answer)).toBe(200);
        expect(answer.json.data).toEqual({ __typename: 'Query' });
      }
    });

    it(`refuses extensions nested ${variablesDepth + 1} deep with 400 VARIABLES_TOO_DEEP`, async () => {
      const body = `{"query":${JSON.stringify(query)},"extensions":${nestedVariables(variablesDepth + 1)}}`;
      expectRefusal(await transport.send({ method: 'POST', body }), 400, 'VARIABLES_TOO_DEEP', tooDeep('extensions'));
    });

    it('refuses variables nested 7,000 deep with 400, in a 14 KB GET URL, a JSON POST and a form POST', async () => {
      const variables = nestedVariables(7_000);
      // Brackets need no escaping in a query string: the URL stays under Node's 16 KB header limit.
      const target = `/graphql?query=%7B__typename%7D&variables=${variables.replaceAll('"', '%22')}`;
      expect(target.length).toBeLessThan(15_000);
      const sents: Sent[] = [
        { method: 'GET', target },
        { method: 'POST', body: `{"query":"{ __typename }","variables":${variables}}` },
        {
          method: 'POST',
          body: search({ query, variables }),
          contentType: 'application/x-www-form-urlencoded',
        },
      ];
      for (const sent of sents) {
        expectRefusal(await transport.send(sent), 400, 'VARIABLES_TOO_DEEP', tooDeep('variables'));
      }
      await expectStillServing(transport);
    });
  });

  describe('batching', () => {
    it('refuses a JSON array body with 400 BAD_REQUEST, saying to send one operation per request', async () => {
      const answer = await transport.send({
        method: 'POST',
        body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      });
      expectRefusal(answer, 400, 'BAD_REQUEST', /batch/i);
    });
  });
});

/**
 * Yoga answers GraphQL on any URL that ends in its endpoint (`/v1/graphql`, `/?next=/graphql`),
 * not only `/graphql`: the limits must hold there too (or the URL must not be served at all).
 */
describe.each([viaFetchApi, overHttp('Node server', {})])(
  'the limits on other URLs ending in /graphql, over $name',
  (transport) => {
    for (const path of ['/v1/graphql', '/?next=/graphql']) {
      it(`${path}: a body over the limit is refused (413) or the URL is not served (404)`, async () => {
        const answer = await transport.send({ method: 'POST', target: path, body: paddedBody(bodyBytes + 1) });
        expectClientError(answer);
        expect([404, 413], describeAnswer(answer)).toContain(answer.status);
      });

      it(`${path}: a 20,000-level selection is refused (400) or the URL is not served (404), never a server error`, async () => {
        const answer = await transport.send({
          method: 'POST',
          target: path,
          body: JSON.stringify({ query: nestedBraces(20_000) }),
        });
        expectClientError(answer);
        expect([400, 404], describeAnswer(answer)).toContain(answer.status);
      });
    }
  },
);
