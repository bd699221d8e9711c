/** Segments of unreserved ASCII, none of them `.` or `..` (no dot segments, escapes or empty segments). */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+\/?$/;

/**
 * Accepts what a partner is likely to have for an article: its path, or its full URL with a
 * query string or fragment. Returns the stored path form (`/yaowen/shandong/20240315/x.html`).
 */
export function normaliseArticlePath(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 512) return null;
  // A path as the site writes it is its own normal form: parsing it as a URL would change nothing.
  if (PLAIN_PATH.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed, 'https://site.invalid');
    const path = decodeURI(url.pathname);
    // `%00` decodes to NUL, which no stored path holds and Postgres text cannot carry.
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}
