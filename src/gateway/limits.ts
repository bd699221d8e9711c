import { type DocumentNode, Kind, visit } from 'graphql';

/**
 * What one request may carry and ask for, every limit checked before any SQL runs; each is
 * accepted at its value and refused one past it. Chosen from what schema/operations/ needs (the
 * largest, EpaperPage and ArticlePage, have ~130 tokens, 7 levels of fields, 1 alias, no directive,
 * and cost at most ~220) and GraphiQL's introspection query (184 tokens, 13 levels), with room for
 * a frontend's own larger queries. README.md "Limits" lists them with what each refuses.
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
  /** One field (response name) repeated in one selection set, as `{ a a a }`; each repeat is compared with every other. */
  fieldRepeats: number;
  /** Levels of fields of an operation, fragments flattened; introspection's `__schema` excluded (GraphQL Armor's max-depth). */
  depth: number;
  /** Levels of fields counting introspection, which only keys and development may run at all. */
  introspectionDepth: number;
  /** Aliases in an operation, `__typename`'s included (GraphQL Armor's max-aliases). */
  aliases: number;
  /** Directives in an operation (GraphQL Armor's max-directives). */
  directives: number;
  /** The cost of one operation (src/gateway/cost.ts), computed before it runs. */
  cost: number;
  /** Cost points an anonymous client (by address) may spend per minute on uncached operations. */
  anonymousCostPerMinute: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  bodyBytes: 64 * 1024,
  documentTokens: 1_000,
  documentNesting: 64,
  variablesDepth: 16,
  fieldRepeats: 3,
  depth: 10,
  introspectionDepth: 15,
  aliases: 15,
  directives: 5,
  cost: 2_000,
  anonymousCostPerMinute: 10_000,
};

/** The most times one response name appears among the fields of one selection set. */
export function mostRepeatedField(document: DocumentNode): number {
  let most = 0;
  visit(document, {
    SelectionSet(node) {
      const seen = new Map<string, number>();
      for (const selection of node.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const name = selection.alias?.value ?? selection.name.value;
        const times = (seen.get(name) ?? 0) + 1;
        seen.set(name, times);
        if (times > most) most = times;
      }
    },
  });
  return most;
}

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
