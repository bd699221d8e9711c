import { statementsFromServerTiming } from '../../src/gateway/server-timing';

export const EDITOR_TOKEN = 'editor-token-for-tests';

export interface Sent {
  status: number;
  xCache: string | null;
  statements: number | null;
  headers: Headers;
  body: any;
}

/** A GraphQL GET, as a CDN or a browser sends it. */
export function getRequest(query: string, variables: Record<string, unknown> = {}, headers: HeadersInit = {}) {
  const url = new URL('http://gateway.test/graphql');
  url.searchParams.set('query', query);
  url.searchParams.set('variables', JSON.stringify(variables));
  return new Request(url, { headers: { accept: 'application/graphql-response+json', ...headers } });
}

/** A GraphQL POST with a JSON body, as an app or a server sends it. */
export function postRequest(query: string, variables: Record<string, unknown> = {}, headers: HeadersInit = {}) {
  return new Request('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

export function editorRequest(query: string, variables: Record<string, unknown>) {
  return postRequest(query, variables, { authorization: `Bearer ${EDITOR_TOKEN}` });
}

export async function read(response: Response): Promise<Sent> {
  const text = await response.text();
  return {
    status: response.status,
    xCache: response.headers.get('x-cache'),
    statements: statementsFromServerTiming(response.headers.get('server-timing')),
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}
