/** The GraphQL-over-HTTP parameters of a request, read without consuming it. */
export interface GraphQLParams {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: { persistedQuery?: { version?: number; sha256Hash?: string } } & Record<string, unknown>;
}

function parseJsonParam(value: string | null): any {
  if (value === null || value === '') return undefined;
  return JSON.parse(value);
}

/**
 * GET query string or POST JSON body; `malformed` when a GET's JSON parameters do not parse; null
 * when the request is not one we can read (Yoga then answers it, with its own 400 for a bad body).
 */
export async function readGraphQLParams(request: Request): Promise<GraphQLParams | 'malformed' | null> {
  if (request.method === 'GET') {
    const search = new URL(request.url).searchParams;
    try {
      const variables = parseJsonParam(search.get('variables'));
      const extensions = parseJsonParam(search.get('extensions'));
      if (!isObjectOrAbsent(variables) || !isObjectOrAbsent(extensions)) return 'malformed';
      return {
        query: search.get('query') ?? undefined,
        operationName: search.get('operationName') ?? undefined,
        variables,
        extensions,
      };
    } catch {
      return 'malformed';
    }
  }
  try {
    if (request.method === 'POST' && request.headers.get('content-type')?.includes('application/json')) {
      const body = await request.clone().json();
      return body && typeof body === 'object' && !Array.isArray(body) ? (body as GraphQLParams) : null;
    }
  } catch {
    return null;
  }
  return null;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` share a cache entry. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function isObjectOrAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));
}
