import type { EarlyAnswer } from './responses';

/**
 * Who may read a response from a browser page on another site. Public reads are open to every
 * origin (`*`: nothing is sent with cookies, and anyone may fetch them anyway); a partner key's
 * requests only to the origins registered with the key, so a key copied into someone else's page
 * is of no use there. Own code rather than Yoga's `cors` option: the Node adapter answers cache
 * hits before Yoga runs, and the partner's origins are known only once its key is checked.
 */
export type CorsPolicy = { kind: 'public' } | { kind: 'origins'; origins: readonly string[] };

export const PUBLIC: CorsPolicy = { kind: 'public' };

/** Request headers a page may send (the preflight's answer), and response headers it may read. */
const ALLOWED_HEADERS =
  'accept, authorization, content-type, if-none-match, x-api-key, x-graphql-csrf, x-preview, apollo-require-preflight';
const EXPOSED_HEADERS =
  'etag, age, x-cache, server-timing, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset, ratelimit-policy';

/** Whether `origin` may use a key registered for `origins` (exact scheme, host and port). */
export function originAllowed(origin: string, origins: readonly string[]): boolean {
  return origins.includes(origin);
}

/** The CORS headers of a response to a request from `origin` (none without an Origin header). */
export function corsHeaders(origin: string | null | undefined, policy: CorsPolicy): Record<string, string> {
  if (!origin) return {};
  if (policy.kind === 'public') {
    return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED_HEADERS };
  }
  if (!originAllowed(origin, policy.origins)) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

/** Adds CORS headers to a response's own; `Vary: Origin` joins its `Vary: Accept`. */
export function addCorsHeaders(headers: Record<string, string>, cors: Record<string, string>) {
  for (const name in cors) {
    const value = cors[name] as string;
    headers[name] = name === 'vary' && headers.vary ? `${headers.vary}, ${value}` : value;
  }
}

/**
 * The answer to a preflight. The key is not sent with a preflight, so it cannot be checked here:
 * the preflight lets the request be sent, and the request's own response carries (or withholds)
 * the origin, so a page on a foreign origin never reads an answer to its key.
 */
export function preflight(origin: string | null): EarlyAnswer {
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': origin ?? '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '86400',
      vary: 'Origin',
    },
    body: null,
  };
}
