import { TRADITIONAL_TO_SIMPLIFIED } from '../../shared/traditional';

/** The longest comment, in characters (code points: one Chinese character is one). */
export const MAX_COMMENT_LENGTH = 500;
/** The longest nickname. */
export const MAX_NICKNAME_LENGTH = 20;

// Whole elements whose content is never text a reader wrote.
const SCRIPT_LIKE = /<(script|style|iframe|object|embed|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
// A tag, a comment or a doctype; a lone `<` followed by a space or digit (`1 < 2`) is text.
const TAG = /<!--[\s\S]*?(-->|$)|<\/?[A-Za-z!?][^>]*(>|$)/g;
// C0 and C1 controls except the newline, and the invisible characters that reorder or hide text
// (zero-width spaces and joiners, bidirectional overrides, the byte-order mark).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters as a reader counts them: code points, so an emoji outside the BMP is one. */
export const lengthOf = (text: string) => [...text].length;

/**
 * A comment's text as stored: plain text, HTML tags (and script or style elements whole) and
 * control characters removed, lines kept (at most one blank line in a row), spaces at the ends of
 * lines and of the text trimmed, in Unicode NFC.
 */
export function plainText(input: string): string {
  return input
    .replace(LONE_SURROGATE, '')
    .replace(/\r\n?/g, '\n')
    .replace(SCRIPT_LIKE, '')
    .replace(TAG, '')
    .replace(CONTROL, '')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A nickname: plain text on one line, runs of spaces as one. */
export function plainNickname(input: string): string {
  return plainText(input.replace(/[\r\n]+/g, ' '))
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The form sensitive words are matched in: compatibility forms folded (full-width `ＡＢ` to `ab`),
 * lower case, traditional characters as simplified (`法輪` is `法轮`, the table search uses), and
 * every space, punctuation mark and symbol removed, so `法 轮` or `法.轮` still contains `法轮`.
 * Words are stored in this form too.
 */
export function normaliseForMatch(text: string): string {
  const bare = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  let folded = '';
  for (const char of bare) folded += TRADITIONAL_TO_SIMPLIFIED.get(char) ?? char;
  return folded;
}
