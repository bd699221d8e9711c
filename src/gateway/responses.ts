/** Yoga's `fetchAPI.Response`: on Node its own implementation, which its Node adapter sends fastest. */
export type ResponseConstructor = typeof globalThis.Response;

/** Media type of GraphQL responses per GraphQL over HTTP; legacy clients that only accept JSON get `application/json`. */
export function responseMediaType(request: Request): string {
  const accept = request.headers.get('accept');
  return accept?.includes('application/graphql-response+json')
    ? 'application/graphql-response+json; charset=utf-8'
    : 'application/json; charset=utf-8';
}

/**
 * An error answered before GraphQL runs (an oversized body, malformed JSON, a refused document):
 * the GraphQL-over-HTTP error shape, with a code a client can branch on.
 */
export function errorResponse(
  Response: ResponseConstructor,
  request: Request,
  status: number,
  message: string,
  code: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': responseMediaType(request), 'cache-control': 'private, no-store', ...headers },
  });
}
