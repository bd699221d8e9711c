import { createHash } from 'node:crypto';

/** Variables nested deeper than the limit: refused before anything recurses over them. */
export class TooDeepError extends Error {
  override readonly name = 'TooDeepError';
}

/**
 * JSON with object keys sorted, so `{a,b}` and `{b,a}` share a cache entry. Recursion is bounded
 * by `maxDepth` (the request limits refuse deeper variables before this runs; this is the backstop).
 */
export function canonicalJson(value: unknown, maxDepth: number, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (depth >= maxDepth) throw new TooDeepError(`nested deeper than ${maxDepth} levels`);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, maxDepth, depth + 1)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, maxDepth, depth + 1)}`).join(',')}}`;
}

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The key of a cached response: what was asked (normalised document, operation, variables), hashed. */
export function responseKey(documentId: string, operationName: string | undefined, canonicalVariables: string): string {
  return sha256Hex(`${documentId}\n${operationName ?? ''}\n${canonicalVariables}`);
}
