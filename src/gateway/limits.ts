/**
 * What one request may carry, checked before anything is parsed or recursed over. The operations
 * of schema/operations/ use a small fraction of each (the largest, ArticlePage, is 1.5 KB, ~250
 * tokens, 6 levels deep).
 */
export interface RequestLimits {
  /** Request body, bytes; more is refused with 413. */
  bodyBytes: number;
  /** Lexical tokens of a document; more is refused before the parser finishes. */
  documentTokens: number;
  /** Nesting of `{`, `[` and `(` in a document; deeper is refused before the parser starts. */
  documentNesting: number;
  /** Nesting of the variables (and extensions) JSON. */
  variablesDepth: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  bodyBytes: 64 * 1024,
  documentTokens: 5_000,
  documentNesting: 64,
  variablesDepth: 16,
};

/**
 * The deepest nesting of brackets in a GraphQL document, skipping strings, block strings and
 * comments: a linear scan, so a 100,000-level selection is refused without a recursive parser ever
 * seeing it. Stops counting once past `limit`.
 */
export function documentNesting(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (text.startsWith('"""', i)) {
        // A block string ends at the first """ not escaped as \""".
        let end = text.indexOf('"""', i + 3);
        while (end > 0 && text.charCodeAt(end - 1) === 0x5c) end = text.indexOf('"""', end + 3);
        i = end < 0 ? text.length : end + 2;
      } else {
        for (i++; i < text.length; i++) {
          const d = text.charCodeAt(i);
          if (d === 0x5c) i++;
          else if (d === 0x22 || d === 0x0a) break;
        }
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      depth--;
    }
  }
  return deepest;
}

/**
 * A string no part of the gateway should pass on: Postgres refuses NUL in text, and an unpaired
 * surrogate has no UTF-8 form (cache tags, URLs, the database all need one).
 */
export function unfitString(text: string): boolean {
  return text.includes('\0') || !text.isWellFormed();
}

/**
 * The deepest nesting of a JSON value, and whether a key or string in it is unfit (iterative: the
 * value may be anything a caller sent). Stops looking once past `limit`.
 */
export function inspectJson(value: unknown, limit: number): { depth: number; unfit: boolean } {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current === 'string') {
      if (unfitString(current)) return { depth: deepest, unfit: true };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return { depth: deepest, unfit: false };
    if (Array.isArray(current)) for (const child of current) stack.push([child, depth + 1]);
    else
      for (const [key, child] of Object.entries(current)) {
        if (unfitString(key)) return { depth: deepest, unfit: true };
        stack.push([child, depth + 1]);
      }
  }
  return { depth: deepest, unfit: false };
}
