/** Yoga's `fetchAPI.Response`: on Node its own implementation, which its Node adapter sends fastest. */
export type ResponseConstructor = typeof globalThis.Response;

/** A response decided before GraphQL runs, in a form either adapter can send (fetch's or Node's). */
export interface EarlyAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string | null;
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
const LEGACY_JSON = 'application/json; charset=utf-8';

/** Media type of GraphQL responses per GraphQL over HTTP; legacy clients that only accept JSON get `application/json`. */
export function responseMediaType(accept: string | null | undefined): string {
  return accept?.includes('application/graphql-response+json') ? GRAPHQL_RESPONSE : LEGACY_JSON;
}

/**
 * An error answered before GraphQL runs (an oversized body, malformed JSON, a refused document):
 * the GraphQL-over-HTTP error shape, with a code a client can branch on.
 */
export function errorAnswer(
  accept: string | null | undefined,
  status: number,
  message: string,
  code: string,
): EarlyAnswer {
  return {
    status,
    headers: { 'content-type': responseMediaType(accept), 'cache-control': 'private, no-store' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  };
}

export function toResponse(Response: ResponseConstructor, answer: EarlyAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
