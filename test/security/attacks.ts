// The classic attacks on a GraphQL endpoint, as requests any client could send, each with the
// refusal the gateway must give before any SQL runs. Shared by the Node suite (attacks.test.ts)
// and the Worker's (test/worker/security.e2e.test.ts).

export interface AttackRequest {
  method: 'GET' | 'POST';
  /** Query string for a GET, e.g. `?query=...`. */
  search?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Attack {
  name: string;
  request: AttackRequest;
  /** The HTTP status of the refusal. */
  status: number;
  /** `errors[].extensions.code` one of the errors carries; null when the answer is not GraphQL (405). */
  code: string | null;
  /** Something the answer must not contain (field suggestions). */
  mustNotContain?: RegExp;
}

const json = (payload: unknown): AttackRequest => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify(payload),
});
const get = (params: Record<string, string>): AttackRequest => ({
  method: 'GET',
  search: `?${new URLSearchParams(params)}`,
  headers: { accept: 'application/graphql-response+json' },
});

/** `{ channels { children { children { ... } } } }`, `levels` fields deep. */
export function deepChannels(levels: number): string {
  return `{ channels ${'{ children '.repeat(levels - 2)}{ name }${' }'.repeat(levels - 2)} }`;
}

/** `{ channel(path:) { parent { parent { ... } } } }`: `levels` fields deep, one object a level (cheap). */
export function deepParents(levels: number): string {
  return `{ channel(path: "yaowen/shandong") ${'{ parent '.repeat(levels - 2)}{ name }${' }'.repeat(levels - 2)} }`;
}

/**
 * `{ __schema { types { fields { type { ofType { ofType ...`: introspection `levels` fields deep
 * (GraphiQL's own query needs 13: `ofType` nests as deep as a type's wrappers).
 */
export function deepIntrospection(levels: number): string {
  const wrappers = levels - 5;
  return `{ __schema { types { fields { type ${'{ ofType '.repeat(wrappers)}{ name }${' }'.repeat(wrappers)} } } } }`;
}

export function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: site { name }`).join(' ')} }`;
}

export function directives(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `f${i}: __typename @include(if: true)`).join(' ');
  return `{ ${fields} }`;
}

/** Fragments that each spread the previous one twice: 2^levels selections once expanded. */
export function fragmentBomb(levels: number): string {
  const fragments = [`fragment F0 on Query { site { name } }`];
  for (let i = 1; i <= levels; i++) {
    fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  }
  return `{ ...F${levels} } ${fragments.join(' ')}`;
}

export const ATTACKS: Attack[] = [
  {
    name: 'deep nesting (30 levels of channels)',
    request: json({ query: deepChannels(30) }),
    status: 400,
    code: 'QUERY_TOO_DEEP',
  },
  {
    name: 'introspection nested 20 levels deep',
    request: json({ query: deepIntrospection(20) }),
    status: 400,
    code: 'QUERY_TOO_DEEP',
  },
  { name: '101 aliases of one field', request: json({ query: aliases(101) }), status: 400, code: 'TOO_MANY_ALIASES' },
  {
    name: '500 copies of __typename',
    request: json({ query: `{ ${'__typename '.repeat(500)}}` }),
    status: 400,
    code: 'FIELD_REPEATED',
  },
  {
    name: 'ten repeated directives',
    request: json({ query: directives(10) }),
    status: 400,
    code: 'TOO_MANY_DIRECTIVES',
  },
  {
    name: 'circular fragments',
    request: json({ query: '{ ...A } fragment A on Query { site { name } ...B } fragment B on Query { ...A }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a fragment bomb (2^30 selections once expanded)',
    request: json({ query: fragmentBomb(30) }),
    status: 400,
    code: 'QUERY_TOO_COSTLY',
  },
  {
    name: 'batching (an array of 50 operations)',
    request: json(Array.from({ length: 50 }, () => ({ query: '{ site { name } }' }))),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a huge page (first: 1000000)',
    request: json({ query: '{ articles(first: 1000000) { edges { node { title } } } }' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'pages within limits that multiply (100 articles × 100 related)',
    request: json({
      query: '{ articles(first: 100) { edges { node { related(first: 100) { article { title tags { name } } } } } } }',
    }),
    status: 400,
    code: 'QUERY_TOO_COSTLY',
  },
  {
    name: 'introspection as an anonymous caller',
    request: json({ query: '{ __schema { types { name fields { name } } } }' }),
    status: 400,
    code: 'INTROSPECTION_DISABLED',
  },
  {
    name: 'field suggestions as an anonymous caller',
    request: json({ query: '{ sit { nam } articl(id: "x") { titl } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    mustNotContain: /Did you mean|"site"|"article"/,
  },
  {
    name: 'a mutation over GET',
    request: get({ query: 'mutation { retractArticle(id: "QXJ0aWNsZTox") { status } }' }),
    status: 405,
    code: null,
  },
  {
    name: 'a form POST without the CSRF header',
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'mutation { retractArticle(id: "QXJ0aWNsZTox") { status } }' }).toString(),
    },
    status: 403,
    code: 'CSRF_HEADER_REQUIRED',
  },
  {
    name: 'a text/plain POST without the CSRF header',
    request: {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ site { name } }' }),
    },
    status: 403,
    code: 'CSRF_HEADER_REQUIRED',
  },
  {
    name: 'a 2 MB body',
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ site { name } } # ${'x'.repeat(2 * 1024 * 1024)}` }),
    },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a document of 5,000 tokens',
    request: json({
      query: `{ site { name } } ${Array.from({ length: 1250 }, (_, i) => `fragment F${i} on Query { a }`).join(' ')}`,
    }),
    status: 400,
    code: 'DOCUMENT_TOO_LARGE',
  },
];
