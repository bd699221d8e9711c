import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useNodeGateway } from '../support/node-server';

/**
 * Node's entry remembers request bodies by their bytes (src/gateway/request.ts, NodeBodies), so a
 * repeated body is not decoded again. Bodies that differ only in their Chinese characters, or only
 * in their media type, must still be answered each for what it says.
 */
const SEARCH = readFileSync(new URL('../../schema/operations/SearchArticles.graphql', import.meta.url), 'utf8');

const { gateway, server } = useNodeGateway();

interface Answer {
  data?: { search: { edges: unknown[] } };
  errors?: { extensions?: { code?: string } }[];
}

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(`${server().origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, accept: 'application/graphql-response+json' },
    body,
  });
  return { status: response.status, cache: response.headers.get('x-cache'), json: (await response.json()) as Answer };
}

/** The same body through the fetch API (the Worker's path), which reads no body twice. */
async function viaFetch(body: string) {
  const response = await gateway().fetch(
    new Request('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
    }),
  );
  return response.json();
}

const searchBody = (query: string) => JSON.stringify({ query: SEARCH, variables: { query, first: 5 } });

describe("Node's request bodies", () => {
  it('answers two searches whose bodies differ only in their Chinese words each for its own words', async () => {
    // Same length in bytes (four characters of three bytes each): only the non-ASCII bytes differ.
    const first = searchBody('乡村振兴');
    const second = searchBody('绿色低碳');
    expect(Buffer.byteLength(first)).toBe(Buffer.byteLength(second));

    const a = await post(first);
    const b = await post(second);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.json.data?.search.edges.length).toBeGreaterThan(0);
    expect(b.json.data?.search.edges.length).toBeGreaterThan(0);
    expect(b.json).not.toEqual(a.json);
    expect(a.json).toEqual(await viaFetch(first));
    expect(b.json).toEqual(await viaFetch(second));

    // Sent again, each is a hit on its own response.
    const again = await post(second);
    expect(again.cache).toBe('HIT');
    expect(again.json).toEqual(b.json);
  });

  it('tells apart bodies of one length that end alike (the memo names a body by its length and last bytes)', async () => {
    // JSON allows trailing white space: both bodies end in the same 64 spaces.
    const padded = (field: string) => `${JSON.stringify({ query: `{ channels { ${field} } }` })}${' '.repeat(64)}`;
    const byName = await post(padded('name'));
    const bySlug = await post(padded('slug'));
    const channels = (answer: { json: unknown }) =>
      (answer.json as { data?: { channels: Record<string, string>[] } }).data?.channels ?? [];
    expect(channels(byName)[0]).toHaveProperty('name');
    expect(channels(bySlug)[0]).toHaveProperty('slug');
    expect(channels(bySlug)[0]).not.toHaveProperty('name');
  });

  it('reads the same bytes sent as another media type as that media type', async () => {
    const body = searchBody('乡村振兴');
    expect((await post(body)).status).toBe(200);
    // A JSON body is no GraphQL document: as application/graphql it is a syntax error, not the search.
    const asDocument = await post(body, 'application/graphql');
    expect(asDocument.status).toBe(400);
    expect(asDocument.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('media types named like properties of every object', () => {
  const body = JSON.stringify({ query: '{ __typename }' });
  const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

  it("are unsupported media types on Node's server, which goes on answering", async () => {
    for (const contentType of names) {
      const response = await fetch(`${server().origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      await response.arrayBuffer();
      expect(response.status, contentType).toBe(415);
    }
    expect((await post(body)).json.data).toEqual({ __typename: 'Query' });
  });

  it('are unsupported media types through the fetch API', async () => {
    for (const contentType of names) {
      const response = await gateway().fetch(
        new Request('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': contentType }, body }),
      );
      expect(response.status, contentType).toBe(415);
    }
  });
});
