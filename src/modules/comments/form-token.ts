/**
 * The comment form's token: which article it was loaded for and when, signed with HMAC-SHA256
 * under COMMENT_SECRET (Web Crypto: the same code on Node and in workerd). A post must bring one
 * that is at least MIN_FORM_SECONDS old (a person reads and types; a script posts at once) and at
 * most MAX_FORM_AGE_SECONDS (a token does not become a permanent pass).
 */
export const MIN_FORM_SECONDS = 5;
export const MAX_FORM_AGE_SECONDS = 2 * 3_600;

/** The secret `npm start` uses on its embedded database when COMMENT_SECRET is unset; never on the Worker. */
export const DEV_COMMENT_SECRET = 'dev-only-comment-secret: set COMMENT_SECRET in production';

export type FormCheck =
  | { ok: true }
  | { ok: false; reason: 'BAD_FORM_TOKEN' | 'TOO_FAST' | 'FORM_EXPIRED'; retryInSeconds?: number };

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keys.set(secret, key);
  }
  return key;
}

const toBase64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return null;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const message = (articleId: number, issuedAt: number) => encoder.encode(`comment-form:${articleId}:${issuedAt}`);

/** A token for the form of an article, issued at `issuedAt` (ms). */
export async function issueFormToken(secret: string, articleId: number, issuedAt: number): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await keyFor(secret), message(articleId, issuedAt));
  return `${articleId}.${issuedAt}.${toBase64Url(signature)}`;
}

/** Whether a token was issued by this deployment for this article, long enough ago and not too long. */
export async function checkFormToken(
  secret: string,
  token: string,
  articleId: number,
  now: number,
): Promise<FormCheck> {
  const match = /^([1-9]\d{0,9})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  const signature = match && fromBase64Url(match[3] as string);
  if (!match || !signature || Number(match[1]) !== articleId) return { ok: false, reason: 'BAD_FORM_TOKEN' };
  const issuedAt = Number(match[2]);
  // verify() compares in constant time.
  const valid = await crypto.subtle.verify('HMAC', await keyFor(secret), signature, message(articleId, issuedAt));
  if (!valid) return { ok: false, reason: 'BAD_FORM_TOKEN' };
  const age = now - issuedAt;
  if (age < MIN_FORM_SECONDS * 1000) {
    return { ok: false, reason: 'TOO_FAST', retryInSeconds: Math.ceil((MIN_FORM_SECONDS * 1000 - age) / 1000) };
  }
  if (age > MAX_FORM_AGE_SECONDS * 1000) return { ok: false, reason: 'FORM_EXPIRED' };
  return { ok: true };
}

/** The poster's address as stored: an HMAC, so the table never holds an IP yet counts a client's posts. */
export async function addressHash(secret: string, address: string | null): Promise<string | null> {
  if (!address) return null;
  const signature = await crypto.subtle.sign('HMAC', await keyFor(secret), encoder.encode(`address:${address}`));
  return toBase64Url(signature).slice(0, 32);
}
