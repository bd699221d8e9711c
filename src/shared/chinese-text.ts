import { TRADITIONAL_TO_SIMPLIFIED } from './traditional';

/**
 * Chinese text for search and similarity, without a segmenter: Postgres' parsers do not split
 * Chinese words, so text is indexed as overlapping character bigrams (绿色低碳 → 绿色 色低 低碳),
 * which find any substring of two characters or more. Latin letters and digits stay whole words
 * (GDP, 5g, 2024). Everything is normalised first, the same way for documents and queries: NFKC
 * (full-width ＧＤＰ and ５Ｇ become GDP and 5G, full-width punctuation becomes ASCII), lower case,
 * and common traditional characters mapped to simplified (see traditional.ts).
 */

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Han, word character or separator; the common ranges decided without a regular expression. */
function classify(char: string): Segment['kind'] | null {
  const code = char.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return 'han';
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) ? 'word' : null;
  return HAN.test(char) ? 'han' : WORD.test(char) ? 'word' : null;
}

/** One normalised character and where it came from in the original string (UTF-16 offsets). */
interface NormalChar {
  char: string;
  from: number;
  to: number;
}

/** Normalises character by character, keeping each result's place in the original. */
function normaliseChars(text: string): NormalChar[] {
  const out: NormalChar[] = [];
  let offset = 0;
  for (const original of text) {
    const code = original.charCodeAt(0);
    // Fast path: ASCII and the CJK Unified Ideographs block are their own NFKC form.
    if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) {
      const char = code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : original;
      out.push({ char: TRADITIONAL_TO_SIMPLIFIED.get(char) ?? char, from: offset, to: offset + 1 });
      offset += 1;
      continue;
    }
    const normal = original.normalize('NFKC').toLowerCase();
    for (const char of normal) {
      out.push({ char: TRADITIONAL_TO_SIMPLIFIED.get(char) ?? char, from: offset, to: offset + original.length });
    }
    offset += original.length;
  }
  return out;
}

/** The text as it is indexed: NFKC, lower case, simplified. */
export function normaliseText(text: string): string {
  return normaliseChars(text)
    .map((c) => c.char)
    .join('');
}

/** A title or query compared whole: normalised, without spaces. */
export function titleKey(text: string): string {
  return normaliseText(text).replace(/\s+/g, '');
}

/** A run of Han characters, or a Latin/digit word, with its place in the original text. */
export interface Segment {
  kind: 'han' | 'word';
  text: string;
  from: number;
  to: number;
  /** Whether whitespace or punctuation separates it from the segment before. */
  separated: boolean;
}

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let current: Segment | null = null;
  let gap = false;
  for (const { char, from, to } of normaliseChars(text)) {
    const kind = classify(char);
    if (kind === null) {
      current = null;
      gap = true;
      continue;
    }
    if (current && current.kind === kind) {
      current.text += char;
      current.to = to;
      continue;
    }
    current = { kind, text: char, from, to, separated: gap || out.length === 0 };
    out.push(current);
    gap = false;
  }
  return out;
}

const pair = (chars: readonly string[], i: number) => `${chars[i]}${chars[i + 1]}`;

/** A lexeme at a position, as it goes into a tsvector. */
export interface Token {
  lexeme: string;
  position: number;
}

/**
 * Tokens at positions such that a phrase query (`<->`) finds exactly the substrings: a Han run
 * of n characters gives its n-1 bigrams at consecutive positions, plus its last character alone at
 * the last bigram's position (so a one-character query, `X:*`, finds it at the end of a run too).
 * Bigrams never cross punctuation: 绿色，低碳 has no 色低.
 */
export function tokens(text: string, start = 1): { tokens: Token[]; next: number } {
  const out: Token[] = [];
  let position = start;
  for (const segment of segments(text)) {
    if (segment.kind === 'word') {
      out.push({ lexeme: segment.text, position });
      position += 1;
      continue;
    }
    const chars = Array.from(segment.text);
    for (let i = 0; i + 1 < chars.length; i += 1) out.push({ lexeme: pair(chars, i), position: position + i });
    const lastAt = position + Math.max(0, chars.length - 2);
    out.push({ lexeme: chars[chars.length - 1] as string, position: lastAt });
    position = lastAt + 1;
  }
  return { tokens: out, next: position };
}

/** Postgres keeps positions up to 16,383 and at most 256 per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;

const quoteLexeme = (lexeme: string) => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * A tsvector literal: the title's tokens weighted A, the body's D (ranking favours title matches).
 * The body starts a few positions after the title so no phrase spans the two.
 */
export function documentVector(title: string, body: string): string {
  const byLexeme = new Map<string, string[]>();
  const add = (list: Token[], weight: 'A' | 'D') => {
    for (const { lexeme, position } of list) {
      if (position > MAX_POSITION) break;
      const positions = byLexeme.get(lexeme) ?? [];
      if (positions.length >= MAX_POSITIONS_PER_LEXEME) continue;
      positions.push(`${position}${weight === 'A' ? 'A' : ''}`);
      byLexeme.set(lexeme, positions);
    }
  };
  const titled = tokens(title);
  add(titled.tokens, 'A');
  add(tokens(body, titled.next + 5).tokens, 'D');
  return [...byLexeme].map(([lexeme, positions]) => `${quoteLexeme(lexeme)}:${positions.join(',')}`).join(' ');
}

export const MAX_QUERY_LENGTH = 64;

export interface SearchQuery {
  /** A tsquery in Postgres' text syntax: groups ANDed, each group a phrase. */
  tsquery: string;
  /** The normalised segments, for highlighting. */
  terms: string[];
  /** The whole query as titleKey gives it: a title equal to it, or containing it, ranks first. */
  key: string;
  /** The lexemes the tsquery needs whole (not prefixes), distinct: how common a query is, from their frequencies. */
  lexemes: string[];
}

/**
 * A reader's query as a tsquery, or a reason it cannot be one. Parts separated by spaces or
 * punctuation must all occur (AND); within a part, segments must follow each other (a phrase):
 * 「5G基站」 is `'5g' <-> '基站'`, GDP增长 is `'gdp' <-> '增长'`, a lone Han character `'碳':*`.
 */
export function parseSearchQuery(raw: string): SearchQuery | { problem: string } {
  const text = raw.trim();
  if (!text) return { problem: '`query` is empty: type at least one character or word.' };
  if (Array.from(text).length > MAX_QUERY_LENGTH) {
    return { problem: `\`query\` is too long: at most ${MAX_QUERY_LENGTH} characters.` };
  }
  const groups: string[][] = [];
  const terms: string[] = [];
  const lexemes = new Set<string>();
  const all = segments(text);
  for (const [index, segment] of all.entries()) {
    const parts: string[] = [];
    // A word last in its part may be cut short (造林绿化701 of 7010亩): a prefix.
    const endsPart = index === all.length - 1 || all[index + 1]?.separated;
    if (segment.kind === 'word') {
      parts.push(`${quoteLexeme(segment.text)}${endsPart ? ':*' : ''}`);
      if (!endsPart) lexemes.add(segment.text);
    } else {
      const chars = Array.from(segment.text);
      if (chars.length === 1) parts.push(`${quoteLexeme(segment.text)}:*`);
      for (let i = 0; i + 1 < chars.length; i += 1) {
        const bigram = pair(chars, i);
        parts.push(quoteLexeme(bigram));
        lexemes.add(bigram);
      }
    }
    if (segment.separated || groups.length === 0) groups.push([]);
    groups[groups.length - 1]?.push(...parts);
    terms.push(segment.text);
  }
  if (!groups.length) return { problem: '`query` has no letters, digits or Chinese characters to search for.' };
  const tsquery = groups.map((group) => (group.length > 1 ? `(${group.join(' <-> ')})` : group[0])).join(' & ');
  return { tsquery, terms: [...new Set(terms)], key: titleKey(text), lexemes: [...lexemes] };
}

/** A stretch of text and the ranges in it that match the query (UTF-16 offsets, as JavaScript indexes strings). */
export interface Highlighted {
  text: string;
  ranges: { start: number; length: number }[];
}

/** Every place in `text` where a term occurs, after normalisation, in original offsets, merged. */
export function matchRanges(text: string, terms: readonly string[]): { from: number; to: number }[] {
  const chars = normaliseChars(text);
  const normal = chars.map((c) => c.char);
  const found: { from: number; to: number }[] = [];
  for (const term of terms) {
    const needle = Array.from(term);
    if (!needle.length) continue;
    for (let i = 0; i + needle.length <= normal.length; i += 1) {
      let same = true;
      for (let j = 0; j < needle.length && same; j += 1) same = normal[i + j] === needle[j];
      if (!same) continue;
      const first = chars[i] as NormalChar;
      const last = chars[i + needle.length - 1] as NormalChar;
      found.push({ from: first.from, to: last.to });
    }
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const merged: { from: number; to: number }[] = [];
  for (const range of found) {
    const previous = merged[merged.length - 1];
    if (previous && range.from <= previous.to) previous.to = Math.max(previous.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * The whole text with its matches (for a title), or, with `window`, a stretch of about that many
 * characters around the first match (for a body), marked with … where it was cut.
 */
export function highlight(text: string, terms: readonly string[], window?: number): Highlighted {
  let ranges = matchRanges(text, terms);
  if (window === undefined || text.length <= window) {
    return { text, ranges: ranges.map((r) => ({ start: r.from, length: r.to - r.from })) };
  }
  const firstMatch = ranges[0]?.from ?? 0;
  let start = Math.max(0, firstMatch - Math.floor(window / 4));
  // Never cut a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start -= 1;
  let end = Math.min(text.length, start + window);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end += 1;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  ranges = ranges.filter((r) => r.from >= start && r.to <= end);
  return {
    text: prefix + text.slice(start, end) + suffix,
    ranges: ranges.map((r) => ({ start: r.from - start + prefix.length, length: r.to - r.from })),
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** The highlighted text as HTML: everything escaped, the matches in `<em>`. */
export function highlightHtml({ text, ranges }: Highlighted): string {
  let html = '';
  let at = 0;
  for (const { start, length } of ranges) {
    html += `${escapeHtml(text.slice(at, start))}<em>${escapeHtml(text.slice(start, start + length))}</em>`;
    at = start + length;
  }
  return html + escapeHtml(text.slice(at));
}

/** 32-bit FNV-1a, for compact bigram sets. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The distinct bigrams (and words) of a text, hashed and sorted: what text similarity compares. */
export function bigramSet(text: string, limit = 96): Int32Array {
  const set = new Set<number>();
  for (const { lexeme } of tokens(text).tokens) {
    if (Array.from(lexeme).length === 1 && HAN.test(lexeme)) continue;
    set.add(hash(lexeme));
    if (set.size >= limit) break;
  }
  return Int32Array.from(set).sort();
}

/** Cosine similarity of two sorted sets: shared / √(|a|·|b|). */
export function setSimilarity(a: Int32Array, b: Int32Array): number {
  if (!a.length || !b.length) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared / Math.sqrt(a.length * b.length);
}
