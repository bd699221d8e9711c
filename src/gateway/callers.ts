import { KEY_PATTERN } from '../modules/partners/keys';

/**
 * Who a request says it comes from, read from its headers alone (no SQL):
 * - `editor`: `Authorization: Bearer <EDITOR_TOKEN>`; never cached, not charged.
 * - `partner`: a partner key, in `x-api-key` or `Authorization: Bearer lcxw_…`; answered from the
 *   shared cache like anyone (a hit checks nothing), checked and charged to the key on a miss.
 * - `anonymous`: no credentials.
 * Partners and anonymous callers may send `x-preview` to skip the cache; they are charged as for a miss.
 * - `refused`: an Authorization or x-api-key header that is neither of the above: 401, whatever
 *   the cache holds, so a typo in a key is noticed at once rather than served anonymously.
 */
export type Credential =
  | { kind: 'editor' }
  | { kind: 'partner'; secret: string; preview: boolean }
  | { kind: 'anonymous'; preview: boolean }
  | { kind: 'refused'; reason: string };

/** A header by its lower-case name; both the fetch API's Headers and Node's headers can answer. */
export type HeaderOf = (name: string) => string | null | undefined;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function credentialOf(header: HeaderOf, editorToken: string | undefined): Credential {
  const authorization = header('authorization');
  const apiKey = header('x-api-key');
  const preview = !!header('x-preview');
  if (authorization) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return { kind: 'refused', reason: 'The Authorization header must be `Bearer <key or token>`.' };
    if (editorToken && sameSecret(token, editorToken)) return { kind: 'editor' };
    if (!KEY_PATTERN.test(token))
      return { kind: 'refused', reason: 'The bearer token is neither the editor token nor a partner key (lcxw_…).' };
    if (apiKey && apiKey !== token) return { kind: 'refused', reason: 'Two different keys were sent.' };
    return { kind: 'partner', secret: token, preview };
  }
  if (apiKey) {
    if (!KEY_PATTERN.test(apiKey)) return { kind: 'refused', reason: 'The x-api-key header is not a valid key.' };
    return { kind: 'partner', secret: apiKey, preview };
  }
  return { kind: 'anonymous', preview };
}

/** Whether a caller bypasses the shared cache: editors always, others asking for a preview. */
export function bypassesCache(credential: Credential): boolean {
  return credential.kind === 'editor' || credential.kind === 'refused' || credential.preview;
}

/** Headers a browser cannot send without a CORS preflight; any one of them marks a POST as not forged. */
const PREFLIGHTED_HEADERS = ['x-graphql-csrf', 'x-api-key', 'authorization', 'x-preview', 'apollo-require-preflight'];
/** Media types a page may POST across sites without a preflight (an HTML form, `fetch` in no-cors mode). */
const SIMPLE_MEDIA_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(;|$)/i;

/**
 * Cross-site request forgery: another site's page can make a visitor's browser POST a form here
 * (to post comments from the visitor's address, say) without CORS asking first. Such a POST must
 * carry a header only a preflighted request can have. GET is left alone: it never mutates
 * (mutations over GET are refused) and is how the edge cache is reached. Yoga's CSRF plugin
 * refuses header-less GETs too, which would turn away plain cached reads, hence these few lines.
 */
export function forgeable(method: string, header: HeaderOf): boolean {
  if (method !== 'POST') return false;
  const contentType = header('content-type');
  if (contentType && !SIMPLE_MEDIA_TYPES.test(contentType)) return false;
  return !PREFLIGHTED_HEADERS.some((name) => header(name));
}

/** Compares a token with a secret in time independent of where they differ. */
function sameSecret(given: string, secret: string): boolean {
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(secret);
  let difference = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
